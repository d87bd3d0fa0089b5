using Microsoft.OpenApi;

namespace Coolify.Web.Api;

/// <summary>
/// The host's own OpenAPI document at <c>/openapi/v1.json</c>: only the <c>/api</c> routes, with the bearer
/// scheme Coolify clients use. Operation ids are the endpoint names, which follow Coolify's where it has them.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddCoolifyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Coolify.NET",
                    Version = SystemApi.Version,
                    Description = "Coolify-compatible API. Authenticate with `Authorization: Bearer <token>` (Keys & Tokens in the dashboard).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearerAuth"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API token from Keys & Tokens.",
                };
                return Task.CompletedTask;
            });
        });
}
