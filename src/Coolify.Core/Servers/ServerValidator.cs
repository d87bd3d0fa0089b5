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

    /// <param name="installMissing">Install Docker, Compose and git when missing (Coolify's <c>install</c>).</param>
    public async Task<bool> ValidateAsync(int serverId, bool installMissing, CancellationToken cancellationToken)
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
        // The time makes every run's log new, so a watcher can tell this run's verdict from the last one's.
        await Step($"Validation started {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff} UTC.");
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

        bool usable;
        try
        {
            usable = await CheckAsync(server, shell, installMissing, log, Step, cancellationToken);
        }
        catch (Exception ex) when (ex is ServerConnectionException or CommandTimeoutException or CommandFailedException or System.Text.Json.JsonException)
        {
            // Whatever broke half-way, the run ends with a verdict the dashboard can show.
            await Step($"✗ Validation stopped: {ex.Message}");
            usable = false;
        }

        server.Settings.IsUsable = usable;
        await Step(usable ? "Server is ready for resources." : "Server is not usable yet: fix the points marked ✗ and validate again.");
        return usable;
    }

    // Everything after the login: OS, resources, tools (installed when asked), then the server's networks.
    private async Task<bool> CheckAsync(
        Server server, IServerShell shell, bool installMissing, StringBuilder log, Func<string, Task> step, CancellationToken cancellationToken)
    {
        var os = await shell.RunAsync(ShellCommand.Of("cat", "/etc/os-release"), cancellationToken: cancellationToken);
        var osName = os.Output.Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"');
        await step(osName is null ? "! Unknown operating system (no /etc/os-release)." : $"✓ Operating system: {osName}.");

        var resources = await shell.RunAsync(
            ShellCommand.Of("nproc").Then(ShellCommand.Of("awk", "/MemTotal/ {print $2}", "/proc/meminfo")).Then(ShellCommand.Of("df", "-Pk", "/")),
            cancellationToken: cancellationToken);
        var lines = resources.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (resources.Succeeded && lines.Length >= 4)
        {
            var free = long.TryParse(lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3), out var kb) ? kb / 1024 / 1024 : -1;
            var memory = long.TryParse(lines[1], out var memKb) ? memKb / 1024 / 1024 : -1;
            await step($"✓ {lines[0]} CPU, {memory} GiB memory, {free} GiB free disk.");
        }

        var (missing, dockerVersion) = await CheckToolsAsync(shell, step, cancellationToken);
        if (missing.Count > 0 && installMissing)
        {
            await step($"Installing {string.Join(", ", missing)} with the server's package manager…");
            var installed = await InstallAsync(server, shell, missing, log, step, cancellationToken);
            if (installed.NeedsNewLogin)
            {
                await step($"✓ {server.User} joined the docker group; logging in again so it counts.");
                shells.Reconnect(server);
                shell = shells.For(server);
            }

            await step(installed.Error is null ? "Checking again after the installation:" : $"✗ {installed.Error}");
            if (installed.Error is null)
            {
                (missing, dockerVersion) = await CheckToolsAsync(shell, step, cancellationToken);
            }
        }
        else if (missing.Count > 0)
        {
            await step("Validate with \"install missing\" to install them with the server's package manager.");
        }
        else if (installMissing)
        {
            await step("✓ Nothing to install.");
        }

        var usable = missing.Count == 0 && dockerVersion is not null;
        var docker = new DockerCli(shell);
        if (usable)
        {
            // The server's destinations (the default "coolify" network among them) exist on it from now on; read
            // under the server's lock, so a destination being removed is not made again.
            using var networksLock = await locks.AcquireAsync(server.Id, cancellationToken);
            foreach (var network in await db.Destinations.Where(d => d.ServerId == server.Id).Select(d => new { d.Network, d.Uuid }).ToListAsync(cancellationToken))
            {
                await docker.CreateNetworkAsync(network.Network, [$"coolify.destination={network.Uuid}"], cancellationToken);
                await step($"✓ Docker network {network.Network} is there.");
            }
        }

        return usable;
    }

    // Docker (working, and new enough), Compose and git: each step logged; what is missing comes back.
    private static async Task<(HashSet<Prerequisite> Missing, string? DockerVersion)> CheckToolsAsync(
        IServerShell shell, Func<string, Task> step, CancellationToken cancellationToken)
    {
        var missing = new HashSet<Prerequisite>();
        var docker = new DockerCli(shell);
        var version = await docker.ServerVersionAsync(cancellationToken);
        if (version is null)
        {
            missing.Add(Prerequisite.Docker);
            await step("✗ Docker is not installed or its daemon does not answer (is the user in the docker group?).");
        }
        else if (!Version.TryParse(version.Split('+', '-')[0], out var parsed) || parsed < MinimumDocker)
        {
            await step($"✗ Docker {version} is too old; 20.10 or newer is needed.");
            version = null;
        }
        else
        {
            await step(parsed < RecommendedDocker
                ? $"! Docker {version} works, but 24 or newer is recommended."
                : $"✓ Docker {version}.");
        }

        if (await docker.ComposeAsync(cancellationToken) is { } compose)
        {
            await step($"✓ Docker Compose {compose.Version} ({(compose.Kind == "plugin" ? "docker compose" : "docker-compose")}).");
        }
        else
        {
            missing.Add(Prerequisite.Compose);
            await step("✗ Docker Compose is missing (neither the docker compose plugin nor docker-compose).");
        }

        var git = await shell.RunAsync(ShellCommand.Of("git", "--version"), cancellationToken: cancellationToken);
        if (git.Succeeded)
        {
            await step($"✓ {git.Output.Trim()}.");
        }
        else
        {
            missing.Add(Prerequisite.Git);
            await step("✗ git is missing.");
        }

        return (missing, version);
    }

    // The package manager's output joins the log as it comes, saved at most once a second.
    private async Task<InstallResult> InstallAsync(
        Server server, IServerShell shell, IReadOnlySet<Prerequisite> missing, StringBuilder log, Func<string, Task> step, CancellationToken cancellationToken)
    {
        var saved = TimeProvider.System.GetTimestamp();
        var result = await new ServerPackages(shell, server.User).InstallAsync(missing, async line =>
        {
            log.Append("  ").Append(line.Text).Append('\n');
            if (TimeProvider.System.GetElapsedTime(saved) > TimeSpan.FromSeconds(1))
            {
                saved = TimeProvider.System.GetTimestamp();
                server.ValidationLogs = log.ToString();
                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken);
        await step(result.Succeeded ? "✓ Installed." : "✗ The installation failed (see above).");
        return result;
    }
}
