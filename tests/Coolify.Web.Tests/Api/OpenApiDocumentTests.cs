using System.Text.Json;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

public sealed class OpenApiDocumentTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    /// <summary>Operations Coolify's contract (shared/reference/coolify-openapi.yaml) has, with its operation ids.</summary>
    public static TheoryData<string, string, string> CoolifyOperations() => new()
    {
        { "get", "/api/health", "healthcheck" },
        { "get", "/api/v1/version", "version" },
        { "post", "/api/v1/enable", "enable-api" },
        { "post", "/api/v1/disable", "disable-api" },
        { "get", "/api/v1/teams", "list-teams" },
        { "get", "/api/v1/teams/{id}", "get-team-by-id" },
        { "get", "/api/v1/teams/{id}/members", "get-members-by-team-id" },
        { "get", "/api/v1/team", "get-token-team" },
        { "get", "/api/v1/team/members", "get-token-team-members" },
        { "get", "/api/v1/applications/{uuid}/envs", "list-envs-by-application-uuid" },
        { "get", "/api/v1/databases/{uuid}/envs", "list-envs-by-database-uuid" },
        { "patch", "/api/v1/databases/{uuid}/envs/bulk", "update-envs-by-database-uuid" },
        { "delete", "/api/v1/databases/{uuid}/envs/{env_uuid}", "delete-env-by-database-uuid" },
        { "patch", "/api/v1/databases/{uuid}/storages", "update-storage-by-database-uuid" },
        { "delete", "/api/v1/databases/{uuid}/storages/{storage_uuid}", "delete-storage-by-database-uuid" },
        { "post", "/api/v1/databases/{uuid}/tags", "create-tag-by-database-uuid" },
        { "delete", "/api/v1/databases/{uuid}/tags/{tag_uuid}", "delete-tag-by-database-uuid" },
    };

    [Theory]
    [MemberData(nameof(CoolifyOperations))]
    public async Task Document_HasCoolifysOperation_UnderCoolifysId(string method, string path, string operationId)
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Document_DescribesTheBearerScheme_AndNoDashboardRoutes()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearerAuth").GetProperty("scheme").GetString());
        Assert.All(document.RootElement.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith("/api/", p.Name, StringComparison.Ordinal));
    }
}
