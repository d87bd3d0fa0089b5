using System.Security.Claims;
using System.Text.RegularExpressions;
using Coolify.Core.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Coolify.Web.Auth.ExternalLogins;

/// <summary>
/// Builds each provider's handler options from its row in <c>oauth_settings</c>. A disabled provider still gets
/// syntactically valid options (handlers look at every request's path), but nothing can start a login with it:
/// <see cref="ExternalLoginEndpoints"/> refuses to challenge a disabled provider.
/// </summary>
internal sealed partial class ExternalLoginOptions(IServiceScopeFactory scopes)
    : IConfigureNamedOptions<OAuthOptions>, IConfigureNamedOptions<OpenIdConnectOptions>
{
    private const string Disabled = "disabled";

    public void Configure(OAuthOptions options) => Configure(Options.DefaultName, options);

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OAuthOptions options)
    {
        if (ExternalLoginProviders.Find(name) is not { Protocol: ExternalLoginProtocol.OAuth2 } provider)
        {
            return;
        }

        var setting = Load(provider.Id);
        var baseUrl = setting?.BaseUrl ?? provider.DefaultBaseUrl!;
        ApplyCommon(provider, setting, options);
        options.UsePkce = true;
        if (provider == ExternalLoginProviders.GitHub)
        {
            // github.com keeps its API on another host; GitHub Enterprise serves it under /api/v3.
            var api = baseUrl == provider.DefaultBaseUrl ? "https://api.github.com" : $"{baseUrl}/api/v3";
            options.AuthorizationEndpoint = $"{baseUrl}/login/oauth/authorize";
            options.TokenEndpoint = $"{baseUrl}/login/oauth/access_token";
            options.UserInformationEndpoint = $"{api}/user";
            options.Scope.Add("read:user");
            options.Scope.Add("user:email");
        }
        else
        {
            options.AuthorizationEndpoint = $"{baseUrl}/oauth/authorize";
            options.TokenEndpoint = $"{baseUrl}/oauth/token";
            options.UserInformationEndpoint = $"{baseUrl}/api/v4/user";
            options.Scope.Add("read_user");
        }

        options.Events.OnCreatingTicket = context => OAuthUserInfo.AddClaimsAsync(provider, context);
    }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (ExternalLoginProviders.Find(name) is not { Protocol: ExternalLoginProtocol.OpenIdConnect } provider)
        {
            return;
        }

        var setting = Load(provider.Id);
        var baseUrl = setting?.BaseUrl ?? provider.DefaultBaseUrl ?? "https://disabled.invalid";
        var tenant = setting?.Tenant ?? "common";
        options.Authority = provider.UsesTenant ? $"{baseUrl}/{tenant}/v2.0" : baseUrl;
        // The admin chose this address; a plain-http issuer (an internal Keycloak, a test) is their call.
        options.RequireHttpsMetadata = options.Authority.StartsWith("https://", StringComparison.Ordinal);
        ApplyCommon(provider, setting, options);
        options.ResponseType = OpenIdConnectResponseType.Code;
        // A query-string callback works with Lax cookies; form_post would need SameSite=None (https only).
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Scope.Add("email");
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapUniqueJsonKey(ExternalClaims.EmailVerified, ExternalClaims.EmailVerified);
        if (provider.UsesTenant && tenant is "common" or "organizations" or "consumers")
        {
            // Multi-tenant Microsoft sign-in: each token names its own tenant as the issuer.
            options.TokenValidationParameters.IssuerValidator = (issuer, _, _) =>
                MicrosoftIssuer().IsMatch(issuer) ? issuer : throw new SecurityTokenInvalidIssuerException($"Unexpected issuer {issuer}.");
        }
    }

    private static void ApplyCommon(ExternalLoginProvider provider, OauthSetting? setting, RemoteAuthenticationOptions options)
    {
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.CallbackPath = provider.CallbackPath;
        // Lax and same-as-request: the callback is a top-level GET, and an instance may run on plain http.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // A refused consent, a wrong secret or a replayed callback ends on the login page with a message, not a 500.
        options.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect("/login?error=external-failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
        switch (options)
        {
            case OAuthOptions oauth:
                oauth.ClientId = setting?.ClientId ?? Disabled;
                oauth.ClientSecret = setting?.ClientSecret ?? Disabled;
                break;
            case OpenIdConnectOptions oidc:
                oidc.ClientId = setting?.ClientId ?? Disabled;
                oidc.ClientSecret = setting?.ClientSecret ?? Disabled;
                break;
        }
    }

    private OauthSetting? Load(string providerId)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ExternalLoginSettings>().FindEnabled(providerId);
    }

    [GeneratedRegex(@"^https://login\.microsoftonline\.com/[0-9a-f-]{36}/v2\.0$")]
    private static partial Regex MicrosoftIssuer();
}

/// <summary>Claim types an external login leaves for <see cref="ExternalLoginEndpoints"/>.</summary>
internal static class ExternalClaims
{
    /// <summary>"true" when the provider vouches that the user owns the email address.</summary>
    public const string EmailVerified = "email_verified";

    public static string? Email(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");

    public static string? Name(ClaimsPrincipal principal) =>
        principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue("preferred_username");

    public static bool IsEmailVerified(ClaimsPrincipal principal) =>
        string.Equals(principal.FindFirstValue(EmailVerified), "true", StringComparison.OrdinalIgnoreCase);
}
