using Coolify.Core.Audit;
using Coolify.Core.Common;
using Coolify.Core.Settings;
using Coolify.Core.Teams;
using Coolify.Web.Components.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Coolify.Web.Auth.ExternalLogins;

/// <summary>
/// Logging in with GitHub, GitLab, Google, Microsoft or an OpenID Connect provider (Coolify's paths:
/// <c>/auth/{provider}/redirect</c> starts it, the handler takes <c>/auth/{provider}/callback</c>).
/// An external login is linked to an existing account only if the provider vouches for the email address;
/// otherwise it registers a new account, under the same registration setting as the form.
/// </summary>
public static class ExternalLoginEndpoints
{
    public const string CompletePath = "/auth/external/complete";

    public static IEndpointRouteBuilder MapExternalLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/{provider}/redirect", RedirectAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(CompletePath, CompleteAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RedirectAsync(string provider, string? returnUrl, ExternalLoginSettings settings, SignInManager<User> signIn, CancellationToken cancellationToken)
    {
        var enabled = await settings.EnabledAsync(cancellationToken);
        if (!enabled.Any(p => p.Id == provider))
        {
            return Back("provider-disabled");
        }

        var complete = $"{CompletePath}?returnUrl={Uri.EscapeDataString(LocalReturnUrl.From(returnUrl))}";
        return TypedResults.Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, complete), [provider]);
    }

    private static async Task<IResult> CompleteAsync(
        string? returnUrl, HttpContext context, SignInManager<User> signIn, AccountRegistration registration, AuditLog audit)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Back("external-failed");
        }

        var target = LocalReturnUrl.From(returnUrl);
        var email = ExternalClaims.Email(info.Principal);
        var outcome = await SignInAsync(signIn, info);
        if (outcome is null)
        {
            // No account has this login yet: link the owner of the (verified) address, or register a new account.
            var existing = email is null ? null : await signIn.UserManager.FindByEmailAsync(email);
            if (existing is not null && !ExternalClaims.IsEmailVerified(info.Principal))
            {
                await audit.RecordAsync("login.external_refused", existing.Id, null, $"{email} via {info.LoginProvider}: email not verified", context.RequestAborted);
                return await EndExternalAsync(context, Back("email-unverified"));
            }

            try
            {
                var user = existing ?? await registration.RegisterExternalAsync(ExternalClaims.Name(info.Principal), email, info, context.RequestAborted);
                if (existing is not null)
                {
                    await signIn.UserManager.AddLoginAsync(existing, info);
                }

                await audit.RecordAsync("login.external_linked", user.Id, null, $"{user.Email} via {info.LoginProvider}", context.RequestAborted);
            }
            catch (ForbiddenException)
            {
                return await EndExternalAsync(context, Back("registration-closed"));
            }
            catch (ValidationException)
            {
                return await EndExternalAsync(context, Back("no-email"));
            }

            outcome = await SignInAsync(signIn, info);
        }

        var userId = (await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey))?.Id;
        if (outcome!.Succeeded)
        {
            await audit.RecordAsync("login.succeeded", userId, null, $"{email} via {info.LoginProvider}", context.RequestAborted);
            return TypedResults.LocalRedirect(target);
        }

        if (outcome.RequiresTwoFactor)
        {
            await audit.RecordAsync("login.password_accepted", userId, null, $"{email} via {info.LoginProvider}", context.RequestAborted);
            return TypedResults.LocalRedirect($"/login/two-factor?returnUrl={Uri.EscapeDataString(target)}");
        }

        await audit.RecordAsync("login.locked_out", userId, null, $"{email} via {info.LoginProvider}", context.RequestAborted);
        return await EndExternalAsync(context, Back("locked"));
    }

    /// <summary>Null when no account has this external login yet.</summary>
    private static async Task<SignInResult?> SignInAsync(SignInManager<User> signIn, ExternalLoginInfo info)
    {
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        return result.Succeeded || result.RequiresTwoFactor || result.IsLockedOut ? result : null;
    }

    private static async Task<IResult> EndExternalAsync(HttpContext context, IResult result)
    {
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        return result;
    }

    private static IResult Back(string error) => TypedResults.LocalRedirect($"/login?error={error}");
}
