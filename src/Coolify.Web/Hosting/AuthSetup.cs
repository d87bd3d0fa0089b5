using System.Text.Json;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Web.Api;
using Coolify.Web.Auth;
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
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

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

        services.AddIdentityCore<User>(o =>
            {
                // Coolify's defaults: at least 8 characters with mixed case, a digit and a symbol.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CoolifyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AbilityRequirementHandler>();
        services.AddAuthorizationBuilder().AddApiPolicies();
        services.AddCascadingAuthenticationState();

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }
}
