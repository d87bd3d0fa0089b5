using System.Net.Sockets;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Hosting;

/// <summary>The host started as a process, the way an operator starts it, with good and bad settings.</summary>
public class StartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("COOLIFY_DATABASE_URL", "mysql://root:pw@localhost/coolify", "COOLIFY_DATABASE_URL has scheme 'mysql'")]
    [InlineData("COOLIFY_DATABASE_URL", "postgres://user:pw@localhost:70000/coolify", "COOLIFY_DATABASE_URL is not a valid URL")]
    [InlineData("COOLIFY_DATABASE_URL", "Database=coolify;Username=u", "COOLIFY_DATABASE_URL has no Host")]
    [InlineData("COOLIFY_DATA_DIR", "/proc/coolify-cannot-be-here", "the data directory /proc/coolify-cannot-be-here is not writable")]
    public async Task Start_WithBadSetting_PrintsOneClearLineAndExits(string variable, string value, string expected)
    {
        using var data = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["COOLIFY_DATA_DIR"] = data.Path, [variable] = value };

        await using var host = HostProcess.Start(environment);
        var exitCode = await host.WaitForExitAsync(StartTimeout);

        AssertOneLineFailure(host, exitCode, expected);
    }

    [Fact]
    public async Task Start_WithUnreachablePostgres_PrintsOneClearLineAndExits()
    {
        using var data = new TempDirectory();
        var closedPort = HostProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["COOLIFY_DATA_DIR"] = data.Path,
            ["COOLIFY_DATABASE_URL"] = $"postgres://coolify:hunter2@127.0.0.1:{closedPort}/coolify",
        };

        await using var host = HostProcess.Start(environment);
        var exitCode = await host.WaitForExitAsync(StartTimeout);

        AssertOneLineFailure(host, exitCode, $"cannot open the database (PostgreSQL at 127.0.0.1:{closedPort}/coolify)");
        Assert.DoesNotContain("hunter2", host.Stderr + host.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnAPortInUse_PrintsOneClearLineAndExits()
    {
        using var data = new TempDirectory();
        using var occupant = new TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        await using var host = HostProcess.Start(new Dictionary<string, string?> { ["COOLIFY_DATA_DIR"] = data.Path }, $"http://127.0.0.1:{port}");
        var exitCode = await host.WaitForExitAsync(StartTimeout);

        AssertOneLineFailure(host, exitCode, $"port {port} is already in use");
    }

    [Fact]
    public async Task Start_OnSqlite_ServesAndShutsDownGracefullyOnSigterm()
    {
        using var data = new TempDirectory();
        await using var host = HostProcess.Start(new Dictionary<string, string?> { ["COOLIFY_DATA_DIR"] = data.Path, ["COOLIFY_LOG_FORMAT"] = "json" });
        await host.WaitUntilHealthyAsync(StartTimeout);

        Assert.True(File.Exists(Path.Combine(data.Path, "coolify.db")));
        // Structured logs: every stdout line is a JSON object.
        Assert.All(host.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("{\"Timestamp\"", line, StringComparison.Ordinal));

        host.Terminate();
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", host.Stdout, StringComparison.Ordinal);
    }

    private static void AssertOneLineFailure(HostProcess host, int exitCode, string expected)
    {
        Assert.Equal(1, exitCode);
        var errorLines = host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines);
        Assert.StartsWith("coolify: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Stdout + host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", host.Stdout + host.Stderr, StringComparison.Ordinal);
    }
}
