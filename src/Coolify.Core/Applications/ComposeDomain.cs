namespace Coolify.Core.Applications;

/// <summary>The domains of one compose service of a dockercompose application (Coolify's <c>docker_compose_domains</c> items).</summary>
public sealed record ComposeDomain(string? Name, string? Domain);
