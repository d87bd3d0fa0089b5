using System.Text.Json;
using Coolify.Core;
using Coolify.Web.Api;
using Coolify.Web.Auth;
using Coolify.Web.Auth.ExternalLogins;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Coolify.Web.Hosting;

/// <summary>Accounts (Identity, cookie sessions for the dashboard) and API tokens (bearer) for the API.</summary>
internal static class AuthSetup
{
    public static IServiceCollection AddCoolifyAuth(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCoolifyExternalLogins();

        // Sessions re-check their security stamp every minute: a password change or removal ends other sessions fast.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionTracking.KeepSessionClaim;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "coolify_session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/login";
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = true;
        });
        // After Identity's own cookie setup, which installs the security-stamp check this wraps.
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.ApplicationScheme, o => SessionTracking.Attach(o.Events));

        // Password reset links (Identity's data-protection tokens) work for an hour, as in Coolify.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Coolify.Core.Teams.PasswordReset.LinkLifetime);
        services.AddCoolifyIdentity()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AbilityRequirementHandler>();
        services.AddAuthorizationBuilder().AddApiPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<Coolify.Core.Audit.IClientAddress, HttpClientAddress>();
        services.AddScoped<DashboardScope>();

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddSensitiveFieldFilter();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Minimal APIs answer a bare 400 for unreadable bodies unless told to throw; ApiExceptionHandler makes it a 422.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        return services;
    }
}
