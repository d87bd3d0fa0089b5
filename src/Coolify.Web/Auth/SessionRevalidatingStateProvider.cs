using System.Security.Claims;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coolify.Web.Auth;

/// <summary>
/// An interactive dashboard tab outlives the request that opened it; every minute this re-checks that its
/// session still exists and the account's security stamp is unchanged, and signs the tab out otherwise.
/// </summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var principal = authenticationState.User;
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user)
            && await SessionTracking.IsActiveAsync(scope.ServiceProvider, principal, cancellationToken);
    }
}
