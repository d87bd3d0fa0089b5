namespace Coolify.Core.Services.Compose;

/// <summary>What we know of one compose service when rendering: its row's uuid, whether it is a database, its domains.</summary>
public sealed record ComposeMember(string Uuid, bool IsDatabase, string? Fqdn);
