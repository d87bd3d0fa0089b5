using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;
using StackExchange.Redis;

namespace Coolify.Web.Tests.Databases;

/// <summary>
/// Redis, and KeyDB played by the same Debian redis-server under KeyDB's program names: the password is in the
/// configuration file the container gets, never on a command line (nothing in <c>ps</c> on the host shows it), it
/// works with every awkward character, and the data survives a restart (append-only file in the volume).
/// </summary>
public sealed class RedisDatabaseTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_REDIS_IMAGE");
    private const string HostilePassword = "r'e\"d$HOME;i`id` s\\x$$ y";

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private readonly List<string> _uuids = [];
    private TestPlace _place = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "redis");

    [Theory]
    [InlineData("redis", "redis_password")]
    [InlineData("keydb", "keydb_password")]
    public async Task RedisFamily_KeepsThePasswordOffCommandLines_AndItsDataAcrossARestart(string engine, string passwordField)
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var port = HostProcess.FreePort();
        var fields = new Dictionary<string, object> { ["image"] = Image!, [passwordField] = HostilePassword, ["is_public"] = true, ["public_port"] = port, ["health_check_interval"] = 1 };
        var uuid = await DatabaseScenario.CreateAsync(_place, engine, fields);
        _uuids.Add(uuid);
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, uuid, "running:healthy");

        var options = new ConfigurationOptions { EndPoints = { { "127.0.0.1", port } }, Password = HostilePassword, AbortOnConnectFail = true, ConnectTimeout = 5000 };
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
        {
            Assert.True(await redis.GetDatabase().StringSetAsync("greeting", "hello"));
        }

        var processes = await new LocalServerShell().RunAsync(ShellCommand.Of("ps", "-eo", "args"), cancellationToken: Token);
        Assert.DoesNotContain("$$ y", processes.Output, StringComparison.Ordinal);

        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{uuid}/restart");
        await DatabaseScenario.WaitForStatusAsync(_place, uuid, "running:healthy");
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
        {
            Assert.Equal("hello", (string?)await redis.GetDatabase().StringGetAsync("greeting"));
        }

        // A wrong password is refused (the password is really required).
        var wrong = new ConfigurationOptions { EndPoints = { { "127.0.0.1", port } }, Password = "wrong", AbortOnConnectFail = true, ConnectTimeout = 3000 };
        await Assert.ThrowsAnyAsync<RedisException>(async () => await (await ConnectionMultiplexer.ConnectAsync(wrong)).GetDatabase().PingAsync());

        var shown = await DatabaseScenario.GetAsync(_place, uuid);
        Assert.Equal(JsonValueKind.String, shown.GetProperty(passwordField).ValueKind);

        // A snapshot restored into the running (append-only) store: what came after it is gone, what it held is back.
        var execution = await BackupNowAsync(uuid);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
        {
            await redis.GetDatabase().StringSetAsync("greeting", "changed");
            await redis.GetDatabase().StringSetAsync("later", "x");
        }

        using (var restored = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{uuid}/restore", new { execution_uuid = execution, safety_backup = false }, Token))
        {
            Assert.True(restored.IsSuccessStatusCode, await restored.Content.ReadAsStringAsync(Token));
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
        {
            Assert.Equal("hello", (string?)await redis.GetDatabase().StringGetAsync("greeting"));
            Assert.False(await redis.GetDatabase().KeyExistsAsync("later"));
        }

        // And it stays so across a restart (the store rewrote its own append-only files).
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{uuid}/restart");
        await DatabaseScenario.WaitForStatusAsync(_place, uuid, "running:healthy");
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
        {
            Assert.Equal("hello", (string?)await redis.GetDatabase().StringGetAsync("greeting"));
            Assert.False(await redis.GetDatabase().KeyExistsAsync("later"));
        }
    }

    private async Task<string> BackupNowAsync(string uuid)
    {
        using var created = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{uuid}/backups", new { frequency = "daily", backup_now = true }, Token);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Token));
        var schedule = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var executions = (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{uuid}/backups/{schedule}/executions", deadline.Token)).GetProperty("executions");
            if (executions.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } run && run.GetProperty("status").GetString() != "running")
            {
                Assert.True(run.GetProperty("status").GetString() == "success", run.GetProperty("message").GetString());
                return run.GetProperty("uuid").GetString()!;
            }

            await Task.Delay(300, deadline.Token); // polling a condition: the backup's run
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var uuid in _uuids)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }
}
