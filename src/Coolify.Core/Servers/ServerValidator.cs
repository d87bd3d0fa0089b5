using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Servers;

/// <summary>
/// Checks that a server can run resources: reachable, a known OS, enough disk, Docker (≥ 20.10; Coolify asks
/// for ≥ 24 and we warn below that), Compose and git. Each step is appended to the server's validation log as it
/// happens, so the dashboard shows progress; the verdict lands in its settings (reachable, usable).
/// </summary>
public sealed class ServerValidator(CoolifyDbContext db, IServerShells shells, ServerLocks locks)
{
    public static readonly Version MinimumDocker = new(20, 10);
    public static readonly Version RecommendedDocker = new(24, 0);

    public async Task<bool> ValidateAsync(int serverId, CancellationToken cancellationToken)
    {
        var server = await db.Servers.Include(s => s.Settings).Include(s => s.PrivateKey).SingleAsync(s => s.Id == serverId, cancellationToken);
        var log = new StringBuilder();
        async Task Step(string line)
        {
            log.Append(line).Append('\n');
            server.ValidationLogs = log.ToString();
            await db.SaveChangesAsync(cancellationToken);
        }

        server.Settings!.IsReachable = false;
        server.Settings.IsUsable = false;
        await Step($"Connecting to {server.User}@{server.Ip}:{server.Port}…");
        var shell = shells.For(server);
        try
        {
            var whoami = await shell.RunAsync(ShellCommand.Of("id", "-un"), new CommandOptions { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken);
            server.Settings.IsReachable = true;
            server.UnreachableCount = 0;
            await Step($"✓ Reachable, logged in as {whoami.Output.Trim()}.");
        }
        catch (Exception ex) when (ex is ServerConnectionException or CommandTimeoutException)
        {
            await Step($"✗ Not reachable: {ex.Message}");
            return false;
        }

        var usable = true;
        var os = await shell.RunAsync(ShellCommand.Of("cat", "/etc/os-release"), cancellationToken: cancellationToken);
        var osName = os.Output.Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"');
        await Step(osName is null ? "! Unknown operating system (no /etc/os-release)." : $"✓ Operating system: {osName}.");

        var resources = await shell.RunAsync(
            ShellCommand.Of("nproc").Then(ShellCommand.Of("awk", "/MemTotal/ {print $2}", "/proc/meminfo")).Then(ShellCommand.Of("df", "-Pk", "/")),
            cancellationToken: cancellationToken);
        var lines = resources.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (resources.Succeeded && lines.Length >= 4)
        {
            var free = long.TryParse(lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3), out var kb) ? kb / 1024 / 1024 : -1;
            var memory = long.TryParse(lines[1], out var memKb) ? memKb / 1024 / 1024 : -1;
            await Step($"✓ {lines[0]} CPU, {memory} GiB memory, {free} GiB free disk.");
        }

        var docker = new DockerCli(shell);
        var version = await docker.ServerVersionAsync(cancellationToken);
        if (version is null)
        {
            usable = false;
            await Step("✗ Docker is not installed or its daemon does not answer (is the user in the docker group?).");
        }
        else if (!Version.TryParse(version.Split('+', '-')[0], out var parsed) || parsed < MinimumDocker)
        {
            usable = false;
            await Step($"✗ Docker {version} is too old; 20.10 or newer is needed.");
        }
        else
        {
            await Step(parsed < RecommendedDocker
                ? $"! Docker {version} works, but 24 or newer is recommended."
                : $"✓ Docker {version}.");
        }

        var compose = version is null ? null : await docker.ComposeAsync(cancellationToken);
        if (compose is { } found)
        {
            await Step($"✓ Docker Compose {found.Version} ({(found.Kind == "plugin" ? "docker compose" : "docker-compose")}).");
        }
        else
        {
            usable = false;
            await Step("✗ Docker Compose is missing (neither the docker compose plugin nor docker-compose).");
        }

        var git = await shell.RunAsync(ShellCommand.Of("git", "--version"), cancellationToken: cancellationToken);
        if (git.Succeeded)
        {
            await Step($"✓ {git.Output.Trim()}.");
        }
        else
        {
            usable = false;
            await Step("✗ git is missing.");
        }

        if (usable)
        {
            // The server's destinations (the default "coolify" network among them) exist on it from now on; read
            // under the server's lock, so a destination being removed is not made again.
            using var networksLock = await locks.AcquireAsync(server.Id, cancellationToken);
            foreach (var network in await db.Destinations.Where(d => d.ServerId == server.Id).Select(d => new { d.Network, d.Uuid }).ToListAsync(cancellationToken))
            {
                await docker.CreateNetworkAsync(network.Network, [$"coolify.destination={network.Uuid}"], cancellationToken);
                await Step($"✓ Docker network {network.Network} is there.");
            }
        }

        server.Settings.IsUsable = usable;
        await Step(usable ? "Server is ready for resources." : "Server is not usable yet: fix the points marked ✗ and validate again.");
        return usable;
    }
}
