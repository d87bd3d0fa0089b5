using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Deployments;

/// <summary>
/// An application built from a git repository with its Dockerfile, the repository served by <c>git daemon</c> on
/// loopback, deployed onto the host's own Docker by the real queue and worker.
/// </summary>
public sealed class DockerfileGitDeploymentTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>, IAsyncLifetime
{
    private static readonly LocalServerShell Host = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly TestGitServer _git = new();
    private HttpClient _api = null!;
    private string _projectUuid = string.Empty;
    private string _serverUuid = string.Empty;

    private static string? Image => TestPlace.Image("COOLIFY_TEST_HTTPD_IMAGE");

    private string Repository => _git.Url("shop");

    public async ValueTask InitializeAsync()
    {
        (_api, _serverUuid, _projectUuid) = await TestPlace.CreateAsync(factory, "git builds");
    }

    [Fact]
    public async Task Build_Deploy_NewCommitReplaces_AndAnUnchangedRedeploySkipsTheBuild()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        await CommitAsync("version one");
        await _git.StartAsync();
        using var created = await _api.PostAsJsonAsync("/api/v1/applications/public", new
        {
            project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", git_repository = Repository,
            git_branch = "main", build_pack = "dockerfile", ports_exposes = "80", instant_deploy = true, name = "shop",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        var app = body.GetProperty("uuid").GetString()!;
        try
        {
            var first = await DeploymentWaiter.WaitForEndAsync(_api, body.GetProperty("deployment_uuid").GetString()!);
            Assert.True(first.Status == "finished", first.Log);
            Assert.Contains("Branch main is at commit", first.Log, StringComparison.Ordinal);
            Assert.Contains("version one", await DeploymentWaiter.HttpGetAsync(Assert.Single(await DeploymentWaiter.ContainersAsync(app))), StringComparison.Ordinal);

            await CommitAsync("version two");
            var second = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
            Assert.True(second.Status == "finished", second.Log);
            Assert.Contains("version two", await DeploymentWaiter.HttpGetAsync(await DeploymentWaiter.SoleContainerAsync(app)), StringComparison.Ordinal);

            var third = await DeploymentWaiter.WaitForEndAsync(_api, await DeploymentWaiter.StartAsync(_api, app));
            Assert.True(third.Status == "finished", third.Log);
            Assert.Contains("build skipped", third.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("git clone", third.Log, StringComparison.Ordinal);

            // Both commits' images are kept; rolling back runs the first again without a build.
            var kept = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}/rollback-images", Token);
            var tags = kept.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("tag").GetString()!).ToList();
            Assert.Equal(2, tags.Count);
            var current = kept.GetProperty("current").GetString();
            var previous = Assert.Single(tags, t => t != current);
            using var rollback = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/rollback", new { commit = previous }, Token);
            Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
            var rolledBack = await DeploymentWaiter.WaitForEndAsync(_api, (await rollback.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("deployment_uuid").GetString()!);
            Assert.True(rolledBack.Status == "finished", rolledBack.Log);
            Assert.Contains("Rolling back to the kept image", rolledBack.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("Building the image", rolledBack.Log, StringComparison.Ordinal);
            Assert.Contains("version one", await DeploymentWaiter.HttpGetAsync(await DeploymentWaiter.SoleContainerAsync(app)), StringComparison.Ordinal);
            using var gone = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/rollback", new { commit = "0000000000000000000000000000000000000000" }, Token);
            var missing = await DeploymentWaiter.WaitForEndAsync(_api, (await gone.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("deployment_uuid").GetString()!);
            Assert.Equal("failed", missing.Status);
            Assert.Contains("no longer on the server", missing.Log, StringComparison.Ordinal);
            using var hostile = await _api.PostAsJsonAsync($"/api/v1/applications/{app}/rollback", new { commit = "x;id" }, Token);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);
        }
        finally
        {
            using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}", Token);
            var images = ShellCommand.Of("docker", "images", "-q", "--filter", $"label=coolify.resource={app}");
            foreach (var id in (await Host.RunAsync(images, cancellationToken: Token)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
            {
                await Host.RunAsync(ShellCommand.Of("docker", "rmi", "-f", id), cancellationToken: Token);
            }
        }
    }

    [Fact]
    public async Task PrivateRepository_IsReadWithTheDeployKey_AndNotWithAnother()
    {
        Assert.SkipWhen(Image is null || TestSshTarget.Get() is null, "no test image or sshd (run scripts/test.sh)");
        var (host, port, user, keyFile) = TestSshTarget.Get()!.Value;
        await CommitAsync("from a private repository");
        // A bare copy owned by the test sshd's user: the repository is reached as that user, with that user's key.
        var published = Path.Combine("/tmp", $"coolify-private-{Guid.NewGuid():N}");
        var bare = ShellCommand.Of("git", "clone", "-q", "--bare", "--", _git.Folder("shop"), published + "/shop.git")
            .Then(ShellCommand.Of("chown", "-R", user, "--", published));
        (await Host.RunAsync(bare, cancellationToken: Token)).EnsureSuccess(bare);
        try
        {
            using var key = await _api.PostAsJsonAsync("/api/v1/security/keys", new { name = "deploy key", private_key = await File.ReadAllTextAsync(keyFile, Token) }, Token);
            Assert.Equal(HttpStatusCode.Created, key.StatusCode);
            var keyUuid = (await key.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
            var repository = $"ssh://{user}@{host}:{port}{published}/shop.git";
            var fields = new Dictionary<string, object?>
            {
                ["project_uuid"] = _projectUuid, ["server_uuid"] = _serverUuid, ["environment_name"] = "production", ["git_repository"] = repository,
                ["git_branch"] = "main", ["build_pack"] = "dockerfile", ["ports_exposes"] = "80", ["instant_deploy"] = true,
            };

            // A key the server does not know: the same route gets as far as the key, and the key is refused.
            using var stranger = await _api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "not authorized", algorithm = "ed25519" }, Token);
            fields["private_key_uuid"] = (await stranger.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
            using var withWrongKey = await _api.PostAsJsonAsync("/api/v1/applications/private-deploy-key", fields, Token);
            var wrongKeyApp = await withWrongKey.Content.ReadFromJsonAsync<JsonElement>(Token);
            var refused = await DeploymentWaiter.WaitForEndAsync(_api, wrongKeyApp.GetProperty("deployment_uuid").GetString()!);
            Assert.Equal("failed", refused.Status);
            Assert.True(refused.Log.Contains("Permission denied (publickey", StringComparison.Ordinal), refused.Log);
            using var deletedWrong = await _api.DeleteAsync($"/api/v1/applications/{wrongKeyApp.GetProperty("uuid").GetString()}", Token);

            fields["private_key_uuid"] = keyUuid;
            using var created = await _api.PostAsJsonAsync("/api/v1/applications/private-deploy-key", fields, Token);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
            var app = body.GetProperty("uuid").GetString()!;
            try
            {
                var deployed = await DeploymentWaiter.WaitForEndAsync(_api, body.GetProperty("deployment_uuid").GetString()!);
                Assert.True(deployed.Status == "finished", deployed.Log);
                Assert.Contains("from a private repository", await DeploymentWaiter.HttpGetAsync(await DeploymentWaiter.SoleContainerAsync(app)), StringComparison.Ordinal);
                var stored = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}", Token);
                Assert.Equal(keyUuid, stored.GetProperty("private_key_uuid").GetString());
            }
            finally
            {
                using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}", Token);
            }
        }
        finally
        {
            Directory.Delete(published, recursive: true);
        }
    }

    [Theory]
    [InlineData("git_branch", "--upload-pack=touch /tmp/pwned")]
    [InlineData("git_branch", "a..b")]
    [InlineData("git_branch", "main\nid")]
    [InlineData("git_repository", "-oProxyCommand=touch /tmp/pwned")]
    [InlineData("git_repository", "ssh://-oProxyCommand=touch%20/tmp/pwned/x")]
    [InlineData("git_repository", "ext::sh -c touch% /tmp/pwned")]
    [InlineData("base_directory", "/../etc")]
    [InlineData("base_directory", "/$(id)")]
    [InlineData("dockerfile_location", "/Dockerfile\nRUN id")]
    [InlineData("dockerfile_location", "relative/Dockerfile")]
    public async Task HostileGitFields_AreRefusedWith422_AndNothingIsStored(string field, string value)
    {
        var fields = new Dictionary<string, object?>
        {
            ["project_uuid"] = _projectUuid, ["server_uuid"] = _serverUuid, ["environment_name"] = "production",
            ["git_repository"] = "https://example.com/owner/repo.git", ["git_branch"] = "main", ["build_pack"] = "dockerfile",
            ["ports_exposes"] = "80", ["instant_deploy"] = true,
        };
        fields[field] = value;
        var before = (await _api.GetFromJsonAsync<JsonElement>("/api/v1/applications", Token)).GetArrayLength();

        using var refused = await _api.PostAsJsonAsync("/api/v1/applications/public", fields, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(before, (await _api.GetFromJsonAsync<JsonElement>("/api/v1/applications", Token)).GetArrayLength());
        Assert.False(File.Exists("/tmp/pwned"));
    }

    [Fact]
    public async Task ShellSyntaxGitAcceptsAsAName_IsUsedLiterally_AndRunsNothing()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        await CommitAsync("literal");
        await _git.StartAsync();
        var marker = $"/tmp/coolify-pwned-{Guid.NewGuid():N}";
        // Both are valid for git; a shell that read them as syntax would create the marker file.
        var branch = $"main;touch${{IFS}}{marker}";
        var repository = $"{Repository};touch$IFS{marker}";
        foreach (var (repo, name) in new[] { (Repository, branch), (repository, "main") })
        {
            using var created = await _api.PostAsJsonAsync("/api/v1/applications/public", new
            {
                project_uuid = _projectUuid, server_uuid = _serverUuid, environment_name = "production", git_repository = repo,
                git_branch = name, build_pack = "dockerfile", ports_exposes = "80", instant_deploy = true,
            }, Token);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
            var app = body.GetProperty("uuid").GetString()!;
            var stored = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{app}", Token);
            Assert.Equal(repo, stored.GetProperty("git_repository").GetString());
            Assert.Equal(name, stored.GetProperty("git_branch").GetString());

            var deployment = await DeploymentWaiter.WaitForEndAsync(_api, body.GetProperty("deployment_uuid").GetString()!);

            // git looked for exactly that branch, or exactly that repository, and found none.
            Assert.Equal("failed", deployment.Status);
            Assert.False(File.Exists(marker), "a hostile value was run by a shell");
            using var deleted = await _api.DeleteAsync($"/api/v1/applications/{app}", Token);
        }
    }

    private Task CommitAsync(string content) => _git.CommitAsync(
        "shop", new Dictionary<string, string?> { ["Dockerfile"] = $"FROM {Image}\nCOPY index.html /www/index.html\n", ["index.html"] = content + "\n" }, content);

    public async ValueTask DisposeAsync()
    {
        await _git.DisposeAsync();
        _api.Dispose();
    }
}
