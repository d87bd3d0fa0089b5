using Coolify.Core.Commands;
using Coolify.Core.Persistence;
using Coolify.Core.Security;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Infrastructure.Servers;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Servers;

/// <summary>Validation on a bare Debian server (a container with sshd), then installing what it lacks with apt.</summary>
public sealed class ServerInstallTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BareServer_GetsGitComposeAndDocker_FromItsPackageManager_WhenAsked()
    {
        Assert.SkipWhen(TestServerContainer.Image is null, "no test server image (run scripts/test.sh)");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<AccountRegistration>().RegisterAsync("Ops", $"ops-{Guid.NewGuid():N}@example.com", "Corr3ct-Horse!", Token);
        var team = new TeamScope(services.GetRequiredService<CoolifyDbContext>(), (await services.GetRequiredService<TeamAccessResolver>().ResolveAsync(user.Id, user.CurrentTeamId!.Value, Token))!);
        var key = await services.GetRequiredService<PrivateKeys>().GenerateAsync(team, "deploy", null, SshKeyAlgorithm.Ed25519, Token);
        await using var container = await TestServerContainer.StartAsync(key.PublicKey!, Token);
        var server = await services.GetRequiredService<ServerService>().CreateAsync(team,
            new ServerChange(Name: "bare", Ip: container.Address, Port: 22, User: TestServerContainer.User, PrivateKeyUuid: key.Uuid), Token);
        var validator = services.GetRequiredService<ServerValidator>();

        var before = await validator.ValidateAsync(server.Id, installMissing: false, Token);
        var beforeLog = await LogAsync(database, server.Id);

        Assert.False(before, beforeLog);
        Assert.Contains("✓ Reachable, logged in as deploy.", beforeLog, StringComparison.Ordinal);
        Assert.Contains("✓ Operating system: Debian GNU/Linux 12 (bookworm).", beforeLog, StringComparison.Ordinal);
        Assert.Contains("✗ git is missing.", beforeLog, StringComparison.Ordinal);
        Assert.Contains("✗ Docker Compose is missing", beforeLog, StringComparison.Ordinal);
        Assert.Contains("install missing", beforeLog, StringComparison.Ordinal);

        var after = await validator.ValidateAsync(server.Id, installMissing: true, Token);
        var afterLog = await LogAsync(database, server.Id);

        // apt ran through sudo -n as the non-root user, its output in the log; git and Compose work now.
        Assert.Contains("Installing Docker, Compose, Git with the server's package manager…", afterLog, StringComparison.Ordinal);
        Assert.Contains("  Setting up git ", afterLog, StringComparison.Ordinal);
        Assert.Contains("✓ Installed.", afterLog, StringComparison.Ordinal);
        Assert.Matches(@"✓ git version \d", afterLog);
        Assert.Matches(@"✓ Docker Compose \d", afterLog);
        Assert.Contains("✓ deploy joined the docker group; logging in again so it counts.", afterLog, StringComparison.Ordinal);
        var host = new LocalServerShell();
        var onServer = ShellCommand.Of("docker", "exec", container.Name, "sh", "-c", "command -v docker && id -nG deploy");
        var found = (await host.RunAsync(onServer, cancellationToken: Token)).EnsureSuccess(onServer).Output;
        Assert.Contains("/usr/bin/docker", found, StringComparison.Ordinal);
        Assert.Contains("docker", found.Split('\n')[1], StringComparison.Ordinal);
        // The engine's daemon cannot start inside an unprivileged test container (no cgroup or mount rights), so
        // the server stays unusable, and the log says why instead of claiming success.
        Assert.False(after);
        Assert.Contains("✗ Docker is not installed or its daemon does not answer", afterLog[afterLog.IndexOf("Checking again", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.EndsWith("Server is not usable yet: fix the points marked ✗ and validate again.\n", afterLog, StringComparison.Ordinal);
    }

    private static async Task<string> LogAsync(TestDatabase database, int serverId)
    {
        await using var db = database.CreateContext();
        return await db.Servers.Where(s => s.Id == serverId).Select(s => s.ValidationLogs!).SingleAsync(Token);
    }
}
