using Coolify.Core.Commands;

namespace Coolify.Core.Servers;

/// <summary>What a server needs besides SSH, each installable with the server's own package manager.</summary>
public enum Prerequisite
{
    Docker,
    Compose,
    Git,
}

/// <summary>
/// Installs missing prerequisites with the OS's package manager (apt, dnf/yum, apk, pacman, zypper), from the
/// distribution's own repositories, as root (through <c>sudo -n</c> for other users). Unlike Coolify, no script
/// is piped from the internet into a root shell.
/// </summary>
public sealed class ServerPackages(IServerShell shell, string user)
{
    // First found wins: dnf before yum, which is often dnf under another name.
    private static readonly PackageManager[] Managers =
    [
        new("apt-get", ShellCommand.Of("apt-get", "update", "-q").WithEnvironment("DEBIAN_FRONTEND", "noninteractive"),
            ["apt-get", "install", "-y", "-q", "--no-install-recommends"], "docker.io", "docker-compose"),
        new("dnf", null, ["dnf", "install", "-y"], "docker", "docker-compose"),
        new("yum", null, ["yum", "install", "-y"], "docker", "docker-compose"),
        new("apk", ShellCommand.Of("apk", "update"), ["apk", "add"], "docker", "docker-cli-compose"),
        new("pacman", null, ["pacman", "-Sy", "--noconfirm", "--needed"], "docker", "docker-compose"),
        new("zypper", null, ["zypper", "--non-interactive", "install"], "docker", "docker-compose"),
    ];

    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);

    private bool IsRoot => user == "root";

    /// <summary>The package manager's program name, or null when the server has none we know.</summary>
    public async Task<string?> DetectAsync(CancellationToken cancellationToken) => (await FindManagerAsync(cancellationToken))?.Program;

    /// <summary>
    /// Installs what is missing and, for Docker, starts its daemon and lets <see cref="ServerPackages"/>' user use
    /// it (the docker group; a new login is needed before it counts, see <see cref="InstallResult.NeedsNewLogin"/>).
    /// Output lines go to <paramref name="onOutput"/> one at a time.
    /// </summary>
    public async Task<InstallResult> InstallAsync(IReadOnlySet<Prerequisite> missing, Func<OutputLine, ValueTask> onOutput, CancellationToken cancellationToken)
    {
        var manager = await FindManagerAsync(cancellationToken);
        if (manager is null)
        {
            return new InstallResult(false, false, "No supported package manager (apt, dnf, yum, apk, pacman, zypper) was found; install Docker and git by hand.");
        }

        var packages = new List<string>();
        if (missing.Contains(Prerequisite.Docker) && !await HasProgramAsync("docker", cancellationToken))
        {
            packages.Add(manager.Docker);
        }

        if (missing.Contains(Prerequisite.Compose))
        {
            packages.Add(manager.Compose);
        }

        if (missing.Contains(Prerequisite.Git))
        {
            packages.Add("git");
        }

        var options = new CommandOptions { Timeout = InstallTimeout, OnOutput = onOutput };
        if (packages.Count > 0)
        {
            var install = ShellCommand.Of(manager.Install[0], [.. manager.Install.Skip(1), .. packages]);
            if (manager.Program == "apt-get")
            {
                install = install.WithEnvironment("DEBIAN_FRONTEND", "noninteractive");
            }

            var command = (manager.Refresh is null ? install : manager.Refresh.Then(install)).MergeErrorIntoOutput();
            var result = await shell.RunAsync(Elevated(command), options, cancellationToken);
            if (!result.Succeeded)
            {
                return new InstallResult(false, false, $"{manager.Program} could not install {string.Join(", ", packages)} (exit code {result.ExitCode}).");
            }
        }

        if (!missing.Contains(Prerequisite.Docker))
        {
            return new InstallResult(true, false, null);
        }

        // The daemon: systemd, then SysV/OpenRC. A failure here is reported by the checks that follow.
        var start = ShellCommand.Of("systemctl", "enable", "--now", "docker")
            .OrElse(ShellCommand.Of("service", "docker", "start"))
            .OrElse(ShellCommand.Of("rc-service", "docker", "start"))
            .MergeErrorIntoOutput();
        await shell.RunAsync(Elevated(start), options, cancellationToken);

        var needsNewLogin = false;
        if (!IsRoot)
        {
            var groups = await shell.RunAsync(ShellCommand.Of("id", "-nG"), cancellationToken: cancellationToken);
            if (!groups.Output.Split(' ', StringSplitOptions.TrimEntries).Contains("docker"))
            {
                var join = ShellCommand.Of("usermod", "-aG", "docker", "--", user).MergeErrorIntoOutput();
                needsNewLogin = (await shell.RunAsync(Elevated(join), options, cancellationToken)).Succeeded;
            }
        }

        return new InstallResult(true, needsNewLogin, null);
    }

    private ShellCommand Elevated(ShellCommand command) => IsRoot ? command : command.AsRoot();

    private async Task<PackageManager?> FindManagerAsync(CancellationToken cancellationToken)
    {
        foreach (var manager in Managers)
        {
            if (await HasProgramAsync(manager.Program, cancellationToken))
            {
                return manager;
            }
        }

        return null;
    }

    private async Task<bool> HasProgramAsync(string program, CancellationToken cancellationToken) =>
        (await shell.RunAsync(ShellCommand.Of("command", "-v", program).DiscardOutput(), cancellationToken: cancellationToken)).Succeeded;

    private sealed record PackageManager(string Program, ShellCommand? Refresh, IReadOnlyList<string> Install, string Docker, string Compose);
}

/// <param name="Succeeded">The packages were installed (the checks that follow say whether they work).</param>
/// <param name="NeedsNewLogin">The user joined the docker group, which only a new SSH login picks up.</param>
/// <param name="Error">Why nothing could be installed.</param>
public sealed record InstallResult(bool Succeeded, bool NeedsNewLogin, string? Error);
