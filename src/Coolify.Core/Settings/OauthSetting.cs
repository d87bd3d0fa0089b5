using Coolify.Core.Common;

namespace Coolify.Core.Settings;

/// <summary>
/// One external login provider's configuration (Coolify's <c>oauth_settings</c>), edited by instance admins.
/// A row exists once an admin has saved the provider; <see cref="ExternalLoginProviders"/> lists them all.
/// </summary>
public class OauthSetting : ITimestamped
{
    public int Id { get; set; }

    /// <summary>The provider's id in <see cref="ExternalLoginProviders"/>: github, gitlab, google, azure, oidc.</summary>
    public required string Provider { get; set; }

    public bool Enabled { get; set; }

    public string? ClientId { get; set; }

    [Encrypted]
    public string? ClientSecret { get; set; }

    /// <summary>Microsoft Entra (Azure AD) tenant: an id, a domain, or common/organizations/consumers.</summary>
    public string? Tenant { get; set; }

    /// <summary>A self-hosted provider's address (GitHub Enterprise, GitLab, the OpenID Connect issuer).</summary>
    public string? BaseUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
