using System.Security.Claims;
using Coolify.Core.Audit;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Coolify.Web.Auth;

/// <summary>
/// Ties each dashboard cookie to a <see cref="UserSession"/> row, so a user can see where they are signed in and
/// log out a browser they no longer hold: the cookie names its session, and a cookie whose row is gone is refused.
/// </summary>
internal static class SessionTracking
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = OnSigningInAsync;
        var validateStamp = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            await validateStamp(context);
            if (context.Principal is { } principal && !await IsActiveAsync(context.HttpContext.RequestServices, principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };
    }

    /// <summary>Identity re-issues the principal when it re-checks the security stamp; the session claim goes along.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(CoolifyClaims.SessionKey) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(CoolifyClaims.SessionKey, claim.Value));
        }

        return Task.CompletedTask;
    }

    public static async Task<bool> IsActiveAsync(IServiceProvider services, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
        && await services.GetRequiredService<UserSessions>().IsActiveAsync(principal.FindFirstValue(CoolifyClaims.SessionKey), userId, cancellationToken);

    private static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || !int.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return;
        }

        // A refreshed sign-in (after a 2FA change) continues the browser's session rather than starting another.
        var current = context.HttpContext.User;
        var key = current.FindFirstValue(CoolifyClaims.SessionKey) is { } existing && current.FindFirstValue(ClaimTypes.NameIdentifier) == userId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? existing
            : await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().StartAsync(
                userId, context.HttpContext.RequestServices.GetRequiredService<IClientAddress>().Current,
                context.HttpContext.Request.Headers.UserAgent.ToString(), context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(CoolifyClaims.SessionKey, key));
    }
}
