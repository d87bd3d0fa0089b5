using Coolify.Core.Services.Catalog;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>
/// The one-click service catalog (beyond Coolify's contract, decision 020): what <c>POST /api/v1/services</c> can
/// create by name. The catalog is the instance's, the same for every team.
/// </summary>
public static class ServiceTemplatesApi
{
    public static IEndpointRouteBuilder MapServiceTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        // A literal segment outranks a parameter, so /services/templates never reaches a /services/{uuid} route.
        var read = app.MapGroup("/api/v1/services/templates").WithTags("Services").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("", ListAsync).WithName("list-service-templates");
        read.MapGet("/{name}", GetAsync).WithName("get-service-template-by-name");
        return app;
    }

    public sealed record TemplateSummary(
        string Name, string? Slogan, string? Category, IReadOnlyList<string> Tags, string? Logo, string? Documentation, int? Port, string Minversion);

    public sealed record TemplateDetail(
        string Name, string? Slogan, string? Category, IReadOnlyList<string> Tags, string? Logo, string? Documentation, int? Port, string Minversion,
        DateTimeOffset? TemplateLastUpdatedAt, string Compose);

    public static async Task<Ok<List<TemplateSummary>>> ListAsync(ServiceTemplateCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ListAsync(ct)).Select(ToSummary).ToList());

    public static async Task<Results<Ok<TemplateDetail>, JsonHttpResult<ApiMessage>>> GetAsync(string name, ServiceTemplateCatalog catalog, CancellationToken ct) =>
        await catalog.FindAsync(name, ct) is { } t
            ? TypedResults.Ok(new TemplateDetail(t.Name, t.Slogan, t.Category, t.Tags, t.Logo, t.Documentation, t.Port, t.MinVersion, t.TemplateLastUpdatedAt, t.Compose))
            : ApiResults.NotFound();

    private static TemplateSummary ToSummary(ServiceTemplate t) => new(t.Name, t.Slogan, t.Category, t.Tags, t.Logo, t.Documentation, t.Port, t.MinVersion);
}
