using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Deployments;

/// <summary>
/// The build packs that write the Dockerfile themselves (auto: a Node.js app, a static site) and the inline
/// Dockerfile, deployed from repositories on loopback onto the host's Docker, with the base images pointed at local
/// images as an operator would (COOLIFY_BUILD_IMAGE_*).
/// </summary>
public sealed class BuildPackDeploymentTests : IAsyncLifetime
{
    private static readonly LocalServerShell Host = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string? NodeImage = TestPlace.Image("COOLIFY_TEST_NODE_IMAGE");
    private static readonly string? NginxImage = TestPlace.Image("COOLIFY_TEST_NGINX_IMAGE");
    private static readonly string? HttpdImage = TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");

    // Servers (and their containers' statuses) checked every second, so a change behind the product's back shows quickly.
    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(
        ("COOLIFY_BUILD_IMAGE_NODE", NodeImage ?? "node:22-bookworm-slim"), ("COOLIFY_BUILD_IMAGE_STATIC", NginxImage ?? "nginx:alpine"),
        ("COOLIFY_SERVER_CHECK_INTERVAL", "1"));

    private readonly TestGitServer _git = new();
    private readonly List<string> _applications = [];
    private HttpClient _api = null!;
    private string _projectUuid = string.Empty;
    private string _serverUuid = string.Empty;

    public async ValueTask InitializeAsync()
    {
        (_api, _serverUuid, _projectUuid) = await TestPlace.CreateAsync(_factory, "build packs");
    }

    [Fact]
    public async Task AutoDetectedNodeApp_IsBuiltWithItsLockFile_GetsBuildTimeValues_AndAnswers()
    {
        Assert.SkipWhen(NodeImage is null, "no test image (run scripts/test.sh)");
        await _git.CommitAsync("node-app", new Dictionary<string, string?>
        {
            ["package.json"] = """
                {"name":"node-app","version":"1.0.0","scripts":{"build":"node build.js","start":"node server.js"}}
                """,
            ["package-lock.json"] = """
                {"name":"node-app","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"node-app","version":"1.0.0"}}}
                """,
            // It prints the value too: the deployment log must show it masked.
            ["build.js"] = "console.log('greeting: ' + process.env.BUILD_GREETING);\nrequire('fs').writeFileSync('built.txt', 'built with ' + (process.env.BUILD_GREETING || 'nothing'));\n",
            ["server.js"] = """
                const http = require('http');
                const built = require('fs').readFileSync('built.txt', 'utf8');
                http.createServer((req, res) => res.end(`hello from node on ${process.env.PORT}, ${built}, runtime ${process.env.BUILD_GREETING || 'unset'}`))
                  .listen(process.env.PORT);
                """,
        }, "node app");
        await _git.StartAsync();
        var app = await CreateAsync("/api/v1/applications/public", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", git_repository = _git.Url("node-app"),
            git_branch = "main", build_pack = "nixpacks", ports_exposes = "3000",
        });
        const string greeting = "s3cret-greeting";
        using (var variable = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key = "BUILD_GREETING", value = greeting, is_buildtime = true, is_runtime = false }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, variable.StatusCode);
        }

        var deployment = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));

        Assert.True(deployment.Status == "finished", deployment.Log);
        // The generated Dockerfile is in the log for the user to read (and copy).
        Assert.Contains("Detected Node.js (npm)", deployment.Log, StringComparison.Ordinal);
        Assert.Contains($"FROM {NodeImage}", deployment.Log, StringComparison.Ordinal);
        Assert.Contains("""RUN ["sh", "-c", "npm ci"]""", deployment.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(greeting, deployment.Log, StringComparison.Ordinal);
        Assert.Contains("greeting: ********", deployment.Log, StringComparison.Ordinal);
        var answer = await DeploymentWaiter.HttpGetAsync(await DeploymentWaiter.SoleContainerAsync(app), 3000);
        Assert.Equal($"hello from node on 3000, built with {greeting}, runtime unset", answer);
    }

    [Fact]
    public async Task AutoDetectedStaticSite_IsServedByNginx_WithoutItsDotFiles_AndTheSpaSettingRebuildsIt()
    {
        Assert.SkipWhen(NginxImage is null, "no test image (run scripts/test.sh)");
        await _git.CommitAsync("site", new Dictionary<string, string?>
        {
            ["index.html"] = "<h1>the static home page</h1>\n",
            ["about.html"] = "<h1>about us</h1>\n",
            [".env"] = "SECRET=do-not-serve\n",
        }, "site");
        await _git.StartAsync();
        var app = await CreateAsync("/api/v1/applications/public", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", git_repository = _git.Url("site"),
            git_branch = "main", build_pack = "nixpacks", ports_exposes = "80",
        });

        var first = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));

        Assert.True(first.Status == "finished", first.Log);
        Assert.Contains("Detected a static site", first.Log, StringComparison.Ordinal);
        var container = await DeploymentWaiter.SoleContainerAsync(app);
        Assert.Contains("the static home page", await DeploymentWaiter.HttpGetAsync(container), StringComparison.Ordinal);
        Assert.Contains("about us", await DeploymentWaiter.HttpGetAsync(container, path: "/about"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await DeploymentWaiter.HttpAsync(container, 80, "/.env")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DeploymentWaiter.HttpAsync(container, 80, "/.git/HEAD")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DeploymentWaiter.HttpAsync(container, 80, "/dashboard/settings")).Status);

        using (var patched = await _api.PatchAsJsonAsync($"/api/v1/applications/{app}", new { is_spa = true }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var second = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));

        Assert.True(second.Status == "finished", second.Log);
        Assert.DoesNotContain("build skipped", second.Log, StringComparison.Ordinal);
        var (status, body) = await DeploymentWaiter.HttpAsync(await DeploymentWaiter.SoleContainerAsync(app), 80, "/dashboard/settings");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("the static home page", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymbolicLinksInARepository_NeverLeadOutOfItsClone()
    {
        Assert.SkipWhen(NginxImage is null, "no test image (run scripts/test.sh)");
        var outside = Directory.CreateTempSubdirectory("coolify-outside-").FullName;
        try
        {
            await _git.CommitAsync("links", new Dictionary<string, string?> { ["index.html"] = "<h1>links</h1>\n" }, "site");
            var folder = _git.Folder("links");
            File.CreateSymbolicLink(Path.Combine(folder, ".coolify-build"), outside);
            File.CreateSymbolicLink(Path.Combine(folder, "etc"), "/etc");
            await _git.CommitAsync("links", new Dictionary<string, string?>(), "links out");
            await _git.StartAsync();
            var app = await CreateAsync("/api/v1/applications/public", new
            {
                project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", git_repository = _git.Url("links"),
                git_branch = "main", build_pack = "static", ports_exposes = "80",
            });

            // The repository's own build folder (a link to a folder of this machine) is replaced, not written through.
            var site = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
            Assert.True(site.Status == "finished", site.Log);
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));

            // A base directory that is a link out of the clone is refused before anything reads it.
            using (var patched = await _api.PatchAsJsonAsync($"/api/v1/applications/{app}", new { base_directory = "/etc" }, Token))
            {
                Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            }

            var refused = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
            Assert.Equal("failed", refused.Status);
            Assert.Contains("leads out of the repository", refused.Log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task PublishedPorts_TheOldContainerMakesWayForTheNew()
    {
        Assert.SkipWhen(HttpdImage is null, "no test image (run scripts/test.sh)");
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var app = await CreateAsync("/api/v1/applications/dockerfile", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", ports_exposes = "80", ports_mappings = $"{port}:80",
            dockerfile = $"FROM {HttpdImage}\n",
        });
        var first = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
        Assert.True(first.Status == "finished", first.Log);

        var second = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));

        Assert.True(second.Status == "finished", second.Log);
        Assert.Contains("the previous container stops before the new one starts", second.Log, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Contains("hello from coolify-test/httpd", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"), Token), StringComparison.Ordinal);
        Assert.Single(await DeploymentWaiter.ContainersAsync(app));
    }

    [Fact]
    public async Task InlineDockerfile_Deploys_RunsItsDeploymentCommands_Restarts_WithoutABuild_ShowsLogsAndStatus_AndStops()
    {
        Assert.SkipWhen(HttpdImage is null, "no test image (run scripts/test.sh)");
        var app = await CreateAsync("/api/v1/applications/dockerfile", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", ports_exposes = "80",
            dockerfile = $"FROM {HttpdImage}\nRUN echo 'from an inline Dockerfile' > /www/index.html\n",
            post_deployment_command = "echo \"post ran in $COOLIFY_CONTAINER_NAME\" > /www/post.html",
        });

        var first = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));

        Assert.True(first.Status == "finished", first.Log);
        await StatusBecomesAsync(app, "running:unknown");
        var container = await DeploymentWaiter.SoleContainerAsync(app);
        Assert.Contains("from an inline Dockerfile", await DeploymentWaiter.HttpGetAsync(container), StringComparison.Ordinal);
        Assert.Equal($"post ran in {container}\n", await DeploymentWaiter.HttpGetAsync(container, path: "/post.html"));

        using (var restart = await _api.PostAsync($"/api/v1/applications/{app}/restart", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
            var restarted = await DeploymentWaiter.WaitForEndAsync(_api, (await restart.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("deployment_uuid").GetString()!);
            Assert.True(restarted.Status == "finished", restarted.Log);
            Assert.Contains("Restarting with the image running now", restarted.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("Building the image", restarted.Log, StringComparison.Ordinal);
        }

        var replacement = await DeploymentWaiter.SoleContainerAsync(app);
        Assert.NotEqual(container, replacement);
        await DeploymentWaiter.HttpGetAsync(replacement, path: "/post.html");
        var logs = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/logs?lines=20", Token);
        // busybox httpd -v logs each answer: the request above is in the container's log.
        Assert.Contains("response:200", logs.GetProperty("logs").GetString(), StringComparison.Ordinal);

        // Stopped behind the product's back: the periodic check notices, and says so.
        var stopBehind = ShellCommand.Of("docker", "stop", "--time", "1", "--", replacement);
        (await Host.RunAsync(stopBehind, cancellationToken: Token)).EnsureSuccess(stopBehind);
        await StatusBecomesAsync(app, "exited");

        using (var stop = await _api.PostAsync($"/api/v1/applications/{app}/stop", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        Assert.Empty(await DeploymentWaiter.ContainersAsync(app));
        var stopped = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}", Token);
        Assert.Equal("exited", stopped.GetProperty("status").GetString());
        using var noLogs = await _api.GetAsync($"/api/v1/applications/{app}/logs", Token);
        Assert.Equal(HttpStatusCode.BadRequest, noLogs.StatusCode);
        Assert.Contains("not running", await noLogs.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuntimeValues_ReachTheContainerAsWritten_MultilineQuotedAndInterpolated()
    {
        Assert.SkipWhen(HttpdImage is null, "no test image (run scripts/test.sh)");
        var app = await CreateAsync("/api/v1/applications/dockerfile", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", ports_exposes = "80", dockerfile = $"FROM {HttpdImage}\n",
        });
        var values = new (string Key, string Value, bool Literal, string Expected)[]
        {
            ("MULTI", "-----BEGIN KEY-----\nline two\n-----END KEY-----", false, "-----BEGIN KEY-----\nline two\n-----END KEY-----"),
            ("QUOTED", "it's \"$(id)\" `id` $HOME", false, "it's \"$(id)\" `id` $HOME"),
            ("BASE", "hello", false, "hello"),
            ("DERIVED", "${BASE} world from ${COOLIFY_RESOURCE_UUID}, ${UNKNOWN}", false, $"hello world from {app}, ${{UNKNOWN}}"),
            ("LITERAL", "${BASE}", true, "${BASE}"),
        };
        foreach (var (key, value, literal, _) in values)
        {
            using var created = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/envs", new { key, value, is_literal = literal, is_multiline = value.Contains('\n') }, Token);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var deployment = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));

        Assert.True(deployment.Status == "finished", deployment.Log);
        var container = await DeploymentWaiter.SoleContainerAsync(app);
        foreach (var (key, _, _, expected) in values)
        {
            var printenv = ShellCommand.Of("docker", "exec", container, "printenv", key);
            Assert.Equal(expected + "\n", (await Host.RunAsync(printenv, cancellationToken: Token)).EnsureSuccess(printenv).Output);
        }

        Assert.DoesNotContain("line two", deployment.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storages_FilesArePutInBeforeStart_AndAVolumeOutlivesARedeploy_UntilDeletedWithTheApplication()
    {
        Assert.SkipWhen(HttpdImage is null, "no test image (run scripts/test.sh)");
        var app = await CreateAsync("/api/v1/applications/dockerfile", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", ports_exposes = "80",
            dockerfile = $"FROM {HttpdImage}\n",
        });
        var volume = $"{app}-data";
        using (var file = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/storages", new { type = "file", mount_path = "/www/config/settings.txt", content = "it's $(not) a shell\n" }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, file.StatusCode);
        }

        using (var data = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/storages", new { type = "persistent", name = volume, mount_path = "/www/data" }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, data.StatusCode);
        }

        using (var twice = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/storages", new { type = "persistent", name = "other", mount_path = "/www/data" }, Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        using (var hostile = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/storages", new { type = "persistent", name = "x", mount_path = "/data", host_path = "/:/host" }, Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);
        }

        var first = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
        Assert.True(first.Status == "finished", first.Log);
        var container = await DeploymentWaiter.SoleContainerAsync(app);
        Assert.Equal("it's $(not) a shell\n", await DeploymentWaiter.HttpGetAsync(container, path: "/config/settings.txt"));
        var write = ShellCommand.Of("docker", "exec", container, "sh", "-c", "echo kept > /www/data/note.txt");
        (await Host.RunAsync(write, cancellationToken: Token)).EnsureSuccess(write);

        var second = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
        Assert.True(second.Status == "finished", second.Log);
        Assert.Equal("kept\n", await DeploymentWaiter.HttpGetAsync(await DeploymentWaiter.SoleContainerAsync(app), path: "/data/note.txt"));
        var listed = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/storages", Token);
        Assert.Equal(volume, listed.GetProperty("persistent_storages")[0].GetProperty("name").GetString());
        Assert.Equal("/www/config/settings.txt", listed.GetProperty("file_storages")[0].GetProperty("mount_path").GetString());
        Assert.Equal("it's $(not) a shell\n", listed.GetProperty("file_storages")[0].GetProperty("content").GetString());
        // A file's content may be a secret: a token without read:sensitive does not get it.
        var admin = await _factory.InstanceAdminAsync();
        using (var reader = _factory.CreateApiClient(await _factory.CreateTokenAsync(admin, await _factory.TeamIdOfAsync(admin), Abilities.Read)))
        {
            var redacted = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/storages", Token);
            Assert.DoesNotContain("a shell", redacted.ToString(), StringComparison.Ordinal);
        }

        using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}?delete_volumes=true", Token);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        _applications.Remove(app);
        var volumes = ShellCommand.Of("docker", "volume", "ls", "-q", "--filter", $"name={volume}");
        Assert.Equal(string.Empty, (await Host.RunAsync(volumes, cancellationToken: Token)).EnsureSuccess(volumes).Output.Trim());
    }

    private async Task StatusBecomesAsync(string app, string status)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}", deadline.Token)).GetProperty("status").GetString() != status)
        {
            await Task.Delay(500, deadline.Token); // polling a condition: the next status check
        }
    }

    private async Task<string> CreateAsync(string route, object body)
    {
        using var created = await _api.PostAsJsonAsync(route, body, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        var app = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        _applications.Add(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _applications)
        {
            using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}", Token);
            var images = ShellCommand.Of("docker", "images", "-q", "--filter", $"label=coolify.resource={app}");
            foreach (var id in (await Host.RunAsync(images, cancellationToken: Token)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
            {
                await Host.RunAsync(ShellCommand.Of("docker", "rmi", "-f", id), cancellationToken: Token);
            }
        }

        _api.Dispose();
        await _git.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
