namespace Coolify.Core.Settings;

/// <summary>How a provider signs users in: plain OAuth 2 plus a user API, or OpenID Connect.</summary>
public enum ExternalLoginProtocol
{
    OAuth2,
    OpenIdConnect,
}

/// <param name="Id">Coolify's provider name, also the authentication scheme and the path segment.</param>
/// <param name="DefaultBaseUrl">Used when the admin leaves the base URL empty; null when one is required.</param>
public sealed record ExternalLoginProvider(
    string Id, string DisplayName, ExternalLoginProtocol Protocol, string? DefaultBaseUrl, bool UsesTenant = false)
{
    public bool RequiresBaseUrl => DefaultBaseUrl is null;

    public string CallbackPath => $"/auth/{Id}/callback";
}

/// <summary>The external logins the instance can offer (Coolify's list, with generic OIDC for Authentik, Keycloak, Zitadel).</summary>
public static class ExternalLoginProviders
{
    public static readonly ExternalLoginProvider GitHub = new("github", "GitHub", ExternalLoginProtocol.OAuth2, "https://github.com");
    public static readonly ExternalLoginProvider GitLab = new("gitlab", "GitLab", ExternalLoginProtocol.OAuth2, "https://gitlab.com");
    public static readonly ExternalLoginProvider Google = new("google", "Google", ExternalLoginProtocol.OpenIdConnect, "https://accounts.google.com");
    public static readonly ExternalLoginProvider Azure = new("azure", "Microsoft", ExternalLoginProtocol.OpenIdConnect, "https://login.microsoftonline.com", UsesTenant: true);
    public static readonly ExternalLoginProvider Oidc = new("oidc", "OpenID Connect", ExternalLoginProtocol.OpenIdConnect, DefaultBaseUrl: null);

    public static IReadOnlyList<ExternalLoginProvider> All { get; } = [GitHub, GitLab, Google, Azure, Oidc];

    public static ExternalLoginProvider? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
