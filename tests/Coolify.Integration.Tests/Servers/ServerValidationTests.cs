using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Common;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Security;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Servers;

/// <summary>Adding a server and validating it, against the real sshd and dockerd of the test machine.</summary>
public sealed class ServerValidationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReachableServerWithDocker_IsValidated_AndItsHostKeyPinned()
    {
        Assert.SkipUnless(TestSshServer.Available, "no test sshd (run scripts/test.sh)");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var (team, server) = await AddTestServerAsync(scope.ServiceProvider);

        var usable = await scope.ServiceProvider.GetRequiredService<ServerValidator>().ValidateAsync(server.Id, installMissing: false, Token);

        await using var db = database.CreateContext();
        var stored = await db.Servers.Include(s => s.Settings).SingleAsync(s => s.Id == server.Id, Token);
        Assert.True(usable, stored.ValidationLogs);
        Assert.True(stored.Settings!.IsReachable);
        Assert.True(stored.Settings.IsUsable);
        Assert.Contains("✓ Reachable, logged in as " + TestSshServer.RequireTarget().User, stored.ValidationLogs, StringComparison.Ordinal);
        Assert.Contains("Docker", stored.ValidationLogs, StringComparison.Ordinal);
        Assert.Contains("Server is ready for resources.", stored.ValidationLogs, StringComparison.Ordinal);
        Assert.StartsWith("SHA256:", stored.HostKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_IsMarkedSo_WithTheReason()
    {
        Assert.SkipUnless(TestSshServer.Available, "no test sshd (run scripts/test.sh)");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var (team, server) = await AddTestServerAsync(scope.ServiceProvider, port: FreePort());

        var usable = await scope.ServiceProvider.GetRequiredService<ServerValidator>().ValidateAsync(server.Id, installMissing: false, Token);

        await using var db = database.CreateContext();
        var stored = await db.Servers.Include(s => s.Settings).SingleAsync(s => s.Id == server.Id, Token);
        Assert.False(usable);
        Assert.False(stored.Settings!.IsReachable);
        Assert.Contains("✗ Not reachable: Could not connect to", stored.ValidationLogs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_NeedsTwoFailuresInARow_BeforeCallingAServerUnreachable()
    {
        Assert.SkipUnless(TestSshServer.Available, "no test sshd (run scripts/test.sh)");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var services = scope.ServiceProvider;
        var (team, server) = await AddTestServerAsync(services);
        Assert.True(await CheckAsync(database, server.Id));

        // The server stops answering (its SSH port closes) while it is known to be reachable.
        await services.GetRequiredService<ServerService>().UpdateAsync(team, server.Uuid, new ServerChange(Port: FreePort()), Token);
        await SetReachableAsync(database, server.Id);
        Assert.False(await CheckAsync(database, server.Id));
        Assert.True(await IsReachableAsync(database, server.Id), "one failed check already marked the server unreachable");
        Assert.False(await CheckAsync(database, server.Id));
        Assert.False(await IsReachableAsync(database, server.Id));

        await services.GetRequiredService<ServerService>().UpdateAsync(team, server.Uuid, new ServerChange(Port: TestSshServer.RequireTarget().Port), Token);
        Assert.True(await CheckAsync(database, server.Id));
        Assert.True(await IsReachableAsync(database, server.Id));
    }

    [Fact]
    public async Task Localhost_ExistsAfterOnboarding_AndValidatesThroughLocalProcesses()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var services = scope.ServiceProvider;
        var admin = await services.GetRequiredService<AccountRegistration>().RegisterAsync("Admin", "admin@example.com", "Corr3ct-Horse!", Token);
        var localhost = await services.GetRequiredService<CoolifyDbContext>().Servers.SingleAsync(s => s.IsLocalhost, Token);
        Assert.Equal(admin.CurrentTeamId, localhost.TeamId);

        var usable = await services.GetRequiredService<ServerValidator>().ValidateAsync(localhost.Id, installMissing: false, Token);

        await using var db = database.CreateContext();
        var logs = (await db.Servers.SingleAsync(s => s.Id == localhost.Id, Token)).ValidationLogs;
        Assert.True(usable, logs);
        Assert.Contains("✓ Docker network coolify is there.", logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ip", "10.0.0.1; rm -rf /")]
    [InlineData("ip", "-oProxyCommand=id")]
    [InlineData("ip", "$(id)")]
    [InlineData("user", "root; id")]
    [InlineData("user", "-l")]
    [InlineData("user", "Rooт")]
    [InlineData("name", "<script>")]
    public async Task HostileServerFields_AreRefusedWithTheField(string field, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var services = scope.ServiceProvider;
        var (teamScope, keyUuid) = await TeamWithKeyAsync(services);
        var change = new ServerChange(Name: "web", Ip: "10.0.0.1", User: "root", PrivateKeyUuid: keyUuid);
        change = field switch
        {
            "ip" => change with { Ip = value },
            "user" => change with { User = value },
            _ => change with { Name = value },
        };

        var failure = await Assert.ThrowsAsync<ValidationException>(() => services.GetRequiredService<ServerService>().CreateAsync(teamScope, change, Token));

        Assert.Contains(field, failure.Errors.Keys);
        Assert.Empty(await services.GetRequiredService<CoolifyDbContext>().Servers.Where(s => !s.IsLocalhost).ToListAsync(Token));
    }

    [Fact]
    public async Task DestinationNetwork_IsCreatedAndRemovedOnTheServer_AndForeignNetworksAreLeftAlone()
    {
        Assert.SkipUnless(TestSshServer.Available, "no test sshd (run scripts/test.sh)");
        using var pool = new Coolify.Infrastructure.Servers.Ssh.SshConnectionPool(new MemoryHostKeyStore());
        var shell = pool.For(TestSshServer.RequireTarget($"docker-{Guid.NewGuid():N}"));
        var docker = new DockerCli(shell);
        var name = $"coolify-test-{Guid.NewGuid():N}"[..24];

        await docker.CreateNetworkAsync(name, ["coolify.resource=test"], Token);
        await docker.CreateNetworkAsync(name, ["coolify.resource=test"], Token); // again: no error, no second network

        Assert.True(await docker.NetworkExistsAsync(name, Token));
        var labels = await shell.RunAsync(ShellCommand.Of("docker", "network", "inspect", "--format", "{{json .Labels}}", name), cancellationToken: Token);
        Assert.Contains("\"coolify.managed\":\"true\"", labels.Output, StringComparison.Ordinal);
        Assert.True(await docker.RemoveNetworkAsync(name, Token));
        Assert.False(await docker.NetworkExistsAsync(name, Token));

        var foreign = name + "-x";
        (await shell.RunAsync(ShellCommand.Of("docker", "network", "create", foreign), cancellationToken: Token)).EnsureSuccess(ShellCommand.Of("docker"));
        try
        {
            Assert.False(await docker.RemoveNetworkAsync(foreign, Token));
            Assert.True(await docker.NetworkExistsAsync(foreign, Token));
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("docker", "network", "rm", foreign), cancellationToken: Token);
        }
    }

    /// <summary>A team owner with a generated key that the test sshd accepts, and a server pointing at that sshd.</summary>
    private static async Task<(TeamScope Team, Server Server)> AddTestServerAsync(IServiceProvider services, int? port = null)
    {
        var target = TestSshServer.RequireTarget();
        var (team, keyUuid) = await TeamWithKeyAsync(services);
        var key = await services.GetRequiredService<PrivateKeys>().GetAsync(team, keyUuid, Token);
        using var pool = new Coolify.Infrastructure.Servers.Ssh.SshConnectionPool(new MemoryHostKeyStore());
        var authorize = ShellCommand.Of("sh", "-c", "cat >> ~/.ssh/authorized_keys");
        (await pool.For(target).RunAsync(authorize, new CommandOptions { Input = Encoding.UTF8.GetBytes(key.PublicKey + "\n") }, Token)).EnsureSuccess(authorize);

        var server = await services.GetRequiredService<ServerService>().CreateAsync(team,
            new ServerChange(Name: "test server", Ip: target.Host, Port: port ?? target.Port, User: target.User, PrivateKeyUuid: keyUuid, ConnectionTimeout: 5), Token);
        return (team, server);
    }

    private static async Task<(TeamScope Team, string KeyUuid)> TeamWithKeyAsync(IServiceProvider services)
    {
        var user = await services.GetRequiredService<AccountRegistration>().RegisterAsync("Ops", $"ops-{Guid.NewGuid():N}@example.com", "Corr3ct-Horse!", Token);
        var access = (await services.GetRequiredService<TeamAccessResolver>().ResolveAsync(user.Id, user.CurrentTeamId!.Value, Token))!;
        var team = new TeamScope(services.GetRequiredService<CoolifyDbContext>(), access);
        var key = await services.GetRequiredService<PrivateKeys>().GenerateAsync(team, "deploy", null, SshKeyAlgorithm.Ed25519, Token);
        return (team, key.Uuid);
    }

    // As the health worker runs it: each check in a scope of its own.
    private static async Task<bool> CheckAsync(TestDatabase database, int serverId)
    {
        await using var scope = database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ServerHealthCheck>().CheckAsync(serverId, Token);
    }

    private static async Task SetReachableAsync(TestDatabase database, int serverId)
    {
        await using var db = database.CreateContext();
        await db.ServerSettings.Where(s => s.ServerId == serverId).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsReachable, true), Token);
    }

    private static async Task<bool> IsReachableAsync(TestDatabase database, int serverId)
    {
        await using var db = database.CreateContext();
        return await db.ServerSettings.Where(s => s.ServerId == serverId).Select(s => s.IsReachable).SingleAsync(Token);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
