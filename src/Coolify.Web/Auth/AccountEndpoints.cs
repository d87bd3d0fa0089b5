using Coolify.Core.Audit;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Coolify.Web.Auth;

/// <summary>Account actions that are plain HTTP (no page): log out.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", LogoutAsync).WithName("logout").ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<User> signIn, UserSessions sessions, AuditLog audit)
    {
        // A cross-site form must not be able to log the user out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var userId = int.TryParse(signIn.UserManager.GetUserId(context.User), out var id) ? id : (int?)null;
        if (context.User.FindFirst(CoolifyClaims.SessionKey)?.Value is { } sessionKey)
        {
            await sessions.EndAsync(sessionKey, context.RequestAborted);
        }

        await signIn.SignOutAsync();
        await audit.RecordAsync("logout", userId, null, context.User.Identity?.Name, context.RequestAborted);
        return TypedResults.LocalRedirect("/login");
    }
}
