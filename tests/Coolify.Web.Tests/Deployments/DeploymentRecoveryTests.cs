using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Deployments;

/// <summary>The control plane killed in the middle of a deployment, then started again on the same data.</summary>
public sealed class DeploymentRecoveryTests : IDisposable
{
    private const string Email = "recovery@example.com";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly TempDirectory _data = new();

    private Dictionary<string, string?> Environment => new() { ["COOLIFY_DATA_DIR"] = _data.Path };

    [Fact]
    public async Task KilledDuringADeployment_TheRestartedControlPlane_LeavesNothingInProgress()
    {
        var image = System.Environment.GetEnvironmentVariable("COOLIFY_TEST_HTTPD_IMAGE");
        Assert.SkipWhen(image is null && System.Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") != "1", "no test image (run scripts/test.sh)");
        string app, deployment, token;
        await using (var first = HostProcess.Start(Environment))
        {
            await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            using var api = await first.RegisterAdminAsync(Environment, Email);
            token = api.DefaultRequestHeaders.Authorization!.Parameter!;
            (app, deployment) = await StartSlowDeploymentAsync(api, image!);
            await DeploymentWaiter.WaitForAsync(api, deployment, d => d.Log.Contains("Container is running", StringComparison.Ordinal));

            await first.KillAsync();
        }

        await using var second = HostProcess.Start(Environment);
        await second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        using var again = second.ApiClient(token);
        try
        {
            // Within a lease (20 s) of the kill, the deployment is failed with the reason in its log.
            var ended = await DeploymentWaiter.WaitForEndAsync(again, deployment);
            Assert.Equal("failed", ended.Status);
            Assert.Contains("The control plane stopped while this deployment ran", ended.Log, StringComparison.Ordinal);
            Assert.Equal(0, (await again.GetFromJsonAsync<JsonElement>("/api/v1/deployments", Token)).GetArrayLength());
        }
        finally
        {
            using var deleted = await again.DeleteAsync($"/api/v1/applications/{app}", Token);
        }

        Assert.Empty(await DeploymentWaiter.ContainersAsync(app));
    }

    private static async Task<(string App, string Deployment)> StartSlowDeploymentAsync(HttpClient api, string image)
    {
        var servers = await api.GetFromJsonAsync<JsonElement>("/api/v1/servers", Token);
        var server = servers.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "localhost").GetProperty("uuid").GetString();
        using var project = await api.PostAsJsonAsync("/api/v1/projects", new { name = "recovery" }, Token);
        var projectUuid = (await project.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var created = await api.PostAsJsonAsync("/api/v1/applications/dockerimage", new
        {
            project_uuid = projectUuid, server_uuid = server, environment_name = "production",
            docker_registry_image_name = image.Split(':')[0], docker_registry_image_tag = image.Split(':')[1], name = "slow",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        // Ten minutes of start period: the deployment is still in its health step when the control plane dies.
        using var slow = await api.PatchAsJsonAsync($"/api/v1/applications/{app}", new { health_check_start_period = 600 }, Token);
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        return (app, await DeploymentWaiter.StartAsync(api, app));
    }

    public void Dispose() => _data.Dispose();
}
