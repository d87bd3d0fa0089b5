namespace Coolify.Core.Proxy;

/// <summary>One domain another resource on the same server already routes (same host and path).</summary>
/// <param name="ResourceName">Its name; another team's resource is not named.</param>
/// <param name="ResourceUuid">Its uuid, for the team's own resources only.</param>
public sealed record DomainConflict(string Domain, string ResourceName, string? ResourceUuid, string ResourceType, string Message);

/// <summary>Coolify's 409: the domains are in use; <c>force_domain_override</c> saves them anyway.</summary>
public sealed class DomainConflictException(IReadOnlyList<DomainConflict> conflicts)
    : Exception("Domain conflicts detected. Use force_domain_override=true to proceed.")
{
    public IReadOnlyList<DomainConflict> Conflicts { get; } = conflicts;
}
