using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

/// <summary>Coolify's /servers routes, with a real validation against the test machine's sshd and dockerd.</summary>
public sealed class ServersApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddedServer_IsValidatedInTheBackground_AndTheLogTellsHowItWent()
    {
        var ssh = TestSshTarget.Get();
        Assert.SkipWhen(ssh is null, "no test sshd (run scripts/test.sh)");
        using var api = await OwnerApiAsync();
        using var key = await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "ops" }, Token);
        var keyBody = await key.Content.ReadFromJsonAsync<JsonElement>(Token);
        await TestSshTarget.AuthorizeAsync(keyBody.GetProperty("public_key").GetString()!, Token);

        using var created = await api.PostAsJsonAsync("/api/v1/servers", new
        {
            name = "test machine", ip = ssh!.Value.Host, port = ssh.Value.Port, user = ssh.Value.User,
            private_key_uuid = keyBody.GetProperty("uuid").GetString(), instant_validate = true,
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var uuid = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();

        var server = await WaitForAsync(api, $"/api/v1/servers/{uuid}", s => s.GetProperty("validation_logs").GetString()?.Contains("Server is", StringComparison.Ordinal) == true);
        Assert.True(server.GetProperty("settings").GetProperty("is_usable").GetBoolean(), server.GetProperty("validation_logs").GetString());
        Assert.StartsWith("SHA256:", server.GetProperty("host_key").GetString(), StringComparison.Ordinal);

        var firstLog = server.GetProperty("validation_logs").GetString();
        using var again = await api.PostAsync($"/api/v1/servers/{uuid}/validate", null, Token);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Contains("Validation started.", await again.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var revalidated = await WaitForAsync(api, $"/api/v1/servers/{uuid}", s => s.GetProperty("validation_logs").GetString() is { } log
            && log != firstLog && log.Contains("Server is", StringComparison.Ordinal));
        Assert.Contains("Server is ready for resources.", revalidated.GetProperty("validation_logs").GetString(), StringComparison.Ordinal);
        // Coolify's install flag: nothing is missing here, so nothing is installed.
        using var withInstall = await api.PostAsJsonAsync($"/api/v1/servers/{uuid}/validate", new { install = true }, Token);
        Assert.Equal(HttpStatusCode.Created, withInstall.StatusCode);
        var installed = await WaitForAsync(api, $"/api/v1/servers/{uuid}", s => s.GetProperty("validation_logs").GetString() is { } log
            && log != revalidated.GetProperty("validation_logs").GetString() && log.Contains("Server is", StringComparison.Ordinal));
        Assert.Contains("✓ Nothing to install.", installed.GetProperty("validation_logs").GetString(), StringComparison.Ordinal);

        // A destination is a Docker network made on the server itself, and removed from it again.
        var network = $"apps-{Guid.NewGuid():N}"[..16];
        using var destination = await api.PostAsJsonAsync($"/api/v1/servers/{uuid}/destinations", new { network }, Token);
        Assert.Equal(HttpStatusCode.Created, destination.StatusCode);
        var destinationUuid = (await destination.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        Assert.True(await NetworkExistsAsync(network));
        using var duplicate = await api.PostAsJsonAsync($"/api/v1/servers/{uuid}/destinations", new { network }, Token);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        using var hostile = await api.PostAsJsonAsync($"/api/v1/servers/{uuid}/destinations", new { network = "x; docker rm -f $(docker ps -q)" }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);

        using var removed = await api.DeleteAsync($"/api/v1/destinations/{destinationUuid}", Token);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(await NetworkExistsAsync(network));
    }

    private static async Task<bool> NetworkExistsAsync(string network)
    {
        var shell = new Coolify.Infrastructure.Servers.LocalServerShell();
        return (await shell.RunAsync(Coolify.Core.Commands.ShellCommand.Of("docker", "network", "inspect", network).DiscardOutput(), cancellationToken: Token)).Succeeded;
    }

    [Theory]
    [InlineData("ip", "10.0.0.1 -oProxyCommand=id")]
    [InlineData("user", "root$(id)")]
    [InlineData("port", "70000")]
    [InlineData("proxy_type", "nginx")]
    public async Task HostileOrWrongFields_Are422WithTheField(string field, string value)
    {
        using var api = await OwnerApiAsync();
        using var key = await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "k" }, Token);
        var keyUuid = (await key.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        var body = new Dictionary<string, object?> { ["name"] = "web", ["ip"] = "10.0.0.1", ["private_key_uuid"] = keyUuid };
        body[field] = field == "port" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;

        using var response = await api.PostAsJsonAsync("/api/v1/servers", body, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.DoesNotContain("\"name\":\"web\"", await api.GetStringAsync("/api/v1/servers", Token), StringComparison.Ordinal);
    }

    private async Task<HttpClient> OwnerApiAsync()
    {
        var owner = await factory.RegisterAsync("Ops", $"ops-{Guid.NewGuid():N}@example.com");
        return factory.CreateApiClient(await factory.CreateTokenAsync(owner, await factory.TeamIdOfAsync(owner), Abilities.Root));
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient api, string url, Func<JsonElement, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var current = await api.GetFromJsonAsync<JsonElement>(url, Token);
            if (condition(current))
            {
                return current;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"gave up waiting: {current}");
            await Task.Delay(200, Token);
        }
    }
}
