using Coolify.Core.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Coolify.Web.Auth.ExternalLogins;

/// <summary>
/// One authentication scheme per provider in <see cref="ExternalLoginProviders"/>, always registered; their
/// options come from the database (<see cref="ExternalLoginOptions"/>), so an admin enables a provider at run time.
/// </summary>
internal static class ExternalLoginSetup
{
    public static AuthenticationBuilder AddCoolifyExternalLogins(this AuthenticationBuilder auth)
    {
        foreach (var provider in ExternalLoginProviders.All)
        {
            _ = provider.Protocol == ExternalLoginProtocol.OAuth2
                ? auth.AddOAuth(provider.Id, provider.DisplayName, _ => { })
                : auth.AddOpenIdConnect(provider.Id, provider.DisplayName, _ => { });
        }

        auth.Services.AddSingleton<ExternalLoginOptions>();
        auth.Services.AddSingleton<IConfigureOptions<OAuthOptions>>(s => s.GetRequiredService<ExternalLoginOptions>());
        auth.Services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>>(s => s.GetRequiredService<ExternalLoginOptions>());
        auth.Services.AddSingleton<ExternalLoginOptionsCache>();
        return auth;
    }
}

/// <summary>Forgets a provider's built options after an admin changed its settings, so the next login uses the new ones.</summary>
public sealed class ExternalLoginOptionsCache(IOptionsMonitorCache<OAuthOptions> oauth, IOptionsMonitorCache<OpenIdConnectOptions> oidc)
{
    public void Invalidate(string providerId)
    {
        oauth.TryRemove(providerId);
        oidc.TryRemove(providerId);
    }
}
