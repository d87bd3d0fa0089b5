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

    public static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<User> signIn)
    {
        // A cross-site form must not be able to log the user out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/login");
    }
}
