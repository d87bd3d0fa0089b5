using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Deployments;

/// <summary>
/// A Docker-image application deployed through the API onto the host's own Docker (the localhost server), by the
/// real queue and worker: it answers HTTP, a redeploy replaces its container, an unhealthy image leaves the old one
/// serving, and cancel stops a deployment at once.
/// </summary>
public sealed class DockerImageDeploymentTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient _api = null!;
    private string _projectUuid = string.Empty;
    private string _serverUuid = string.Empty;

    private static string? Image => TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");

    public async ValueTask InitializeAsync()
    {
        (_api, _serverUuid, _projectUuid) = await TestPlace.CreateAsync(factory, "deployments");
    }

    [Fact]
    public async Task Deploy_Answers_Redeploy_Replaces_AndAnUnhealthyImageLeavesTheOldServing()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var (name, tag) = (Image!.Split(':')[0], Image.Split(':')[1]);
        using var created = await _api.PostAsJsonAsync("/api/v1/applications/dockerimage", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production",
            docker_registry_image_name = name, docker_registry_image_tag = tag, ports_exposes = "80", name = "hello",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        const string secret = "s3cr3t value with 'quotes' and $(id)";
        using var variable = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "GREETING", value = secret }, Token);
        Assert.Equal(HttpStatusCode.Created, variable.StatusCode);
        try
        {
            var first = await WaitForEndAsync(await StartAsync(app));
            Assert.True(first.Status == "finished", first.Log);
            var firstContainer = Assert.Single(await ContainersAsync(app));
            Assert.Contains("hello from coolify-test/httpd", await HttpGetAsync(firstContainer), StringComparison.Ordinal);
            Assert.Contains("Container is running", first.Log, StringComparison.Ordinal);

            // The variable reached the container exactly, with Coolify's automatic ones; never the log; its file is gone.
            Assert.Equal(secret + "\n", await PrintEnvAsync(firstContainer, "GREETING"));
            Assert.Equal(app + "\n", await PrintEnvAsync(firstContainer, "COOLIFY_RESOURCE_UUID"));
            Assert.DoesNotContain(secret, first.Log, StringComparison.Ordinal);
            var envFile = first.Log.Split('\n').Single(l => l.StartsWith("Environment file ", StringComparison.Ordinal)).Split(' ')[2];
            Assert.False(File.Exists(envFile), $"{envFile} is still there");

            // A redeploy starts a new container, and only then removes the old one.
            var second = await WaitForEndAsync(await StartAsync(app));
            Assert.True(second.Status == "finished", second.Log);
            Assert.Contains($"Stopping the previous container {firstContainer}", second.Log, StringComparison.Ordinal);
            var secondContainer = await DeploymentWaiter.SoleContainerAsync(app);
            Assert.NotEqual(firstContainer, secondContainer);
            Assert.Contains("hello from coolify-test/httpd", await HttpGetAsync(secondContainer), StringComparison.Ordinal);

            // An image whose process exits at once never becomes healthy: it goes, the running one stays.
            using var broken = await _api.PatchAsJsonAsync($"/api/v1/applications/{app}", new
            {
                docker_registry_image_name = Environment.GetEnvironmentVariable("COOLIFY_TEST_BASE_IMAGE")!.Split(':')[0],
                docker_registry_image_tag = Environment.GetEnvironmentVariable("COOLIFY_TEST_BASE_IMAGE")!.Split(':')[1],
            }, Token);
            Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
            var third = await WaitForEndAsync(await StartAsync(app));
            Assert.Equal("failed", third.Status);
            Assert.Contains("did not become healthy", third.Log, StringComparison.Ordinal);
            Assert.Contains("the previous container keeps serving", third.Log, StringComparison.Ordinal);
            Assert.Equal([secondContainer], await ContainersAsync(app));
            Assert.Contains("hello from coolify-test/httpd", await HttpGetAsync(secondContainer), StringComparison.Ordinal);
        }
        finally
        {
            using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}", Token);
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Empty(await ContainersAsync(app));
    }

    [Fact]
    public async Task Cancel_DuringAHealthWait_EndsWithinFiveSeconds_AndRemovesTheNewContainer()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var (name, tag) = (Image!.Split(':')[0], Image.Split(':')[1]);
        using var created = await _api.PostAsJsonAsync("/api/v1/applications/dockerimage", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production",
            docker_registry_image_name = name, docker_registry_image_tag = tag, name = "slow",
        }, Token);
        var app = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        // A start period of ten minutes: the deployment waits in its health step until cancelled.
        using var slow = await _api.PatchAsJsonAsync($"/api/v1/applications/{app}", new { health_check_start_period = 600 }, Token);
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        var deployment = await StartAsync(app);
        try
        {
            await WaitForAsync(deployment, d => d.Log.Contains("Container is running", StringComparison.Ordinal));

            var cancelledAt = TimeProvider.System.GetTimestamp();
            using var cancel = await _api.PostAsync($"/api/v1/deployments/{deployment}/cancel", null, Token);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            var ended = await WaitForAsync(deployment, d => d.Log.Contains("Cancelled:", StringComparison.Ordinal));

            Assert.True(TimeProvider.System.GetElapsedTime(cancelledAt) < TimeSpan.FromSeconds(5), "cancel took longer than 5 s");
            Assert.Equal("cancelled-by-user", ended.Status);
            Assert.Empty(await ContainersAsync(app));
            using var again = await _api.PostAsync($"/api/v1/deployments/{deployment}/cancel", null, Token);
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("Current status: cancelled-by-user", await again.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        finally
        {
            using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}", Token);
        }
    }

    private Task<string> StartAsync(string app) => DeploymentWaiter.StartAsync(_api, app);

    private Task<(string Status, string Log)> WaitForEndAsync(string deployment) => DeploymentWaiter.WaitForEndAsync(_api, deployment);

    private Task<(string Status, string Log)> WaitForAsync(string deployment, Func<(string Status, string Log), bool> condition) =>
        DeploymentWaiter.WaitForAsync(_api, deployment, condition);

    private static Task<List<string>> ContainersAsync(string app) => DeploymentWaiter.ContainersAsync(app);

    private static Task<string> HttpGetAsync(string container) => DeploymentWaiter.HttpGetAsync(container);

    private static async Task<string> PrintEnvAsync(string container, string key)
    {
        var printenv = ShellCommand.Of("docker", "exec", container, "printenv", key);
        return (await new LocalServerShell().RunAsync(printenv, cancellationToken: Token)).EnsureSuccess(printenv).Output;
    }

    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        return ValueTask.CompletedTask;
    }
}
