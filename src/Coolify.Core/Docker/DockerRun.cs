namespace Coolify.Core.Docker;

/// <summary>A container to start in the background (<c>docker run -d</c>).</summary>
/// <param name="Labels">Besides <c>coolify.managed=true</c>, which every container gets.</param>
/// <param name="Command">Arguments after the image, each one argument.</param>
/// <param name="Environment">The container's environment: names, with their values in a file on the server (see <see cref="EnvironmentFile"/>).</param>
/// <param name="Ports">Published ports, <c>host:container[/udp]</c>.</param>
/// <param name="Volumes">Mounts, <c>volume-or-host-path:container-path</c> (validated plain paths: no ':' inside).</param>
/// <param name="FilesArchive">A tar archive on the server unpacked at the container's root before it starts (file mounts).</param>
/// <param name="ExtraHosts">Host names for the container's /etc/hosts, <c>name:address</c> (<c>host-gateway</c> is the host).</param>
/// <param name="Settings">Environment values that are not secrets (an image's settings), passed on the command line.</param>
public sealed record DockerRun(
    string Name,
    string Image,
    IReadOnlyList<string>? Labels = null,
    string? Network = null,
    IReadOnlyList<string>? Command = null,
    string? RestartPolicy = "unless-stopped",
    EnvironmentFile? Environment = null,
    IReadOnlyList<string>? Ports = null,
    ContainerLimits? Limits = null,
    ContainerHealthCheck? HealthCheck = null,
    IReadOnlyList<string>? Volumes = null,
    string? FilesArchive = null,
    IReadOnlyList<string>? ExtraHosts = null,
    IReadOnlyDictionary<string, string>? Settings = null);

/// <summary>
/// Environment variables whose values are in a file on the server of <c>export NAME='value'</c> lines (quoted by
/// <see cref="Commands.ShellQuote"/>), read by the shell that starts the docker command: the values reach
/// <c>--env NAME</c> / <c>--build-arg NAME</c> through its environment — never a command line — and may span lines,
/// which Docker's own <c>--env-file</c> cannot carry.
/// </summary>
public sealed record EnvironmentFile(string Path, IReadOnlyList<string> Names)
{
    /// <summary>The file's content for these values.</summary>
    public static string Content(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Concat(values.Select(v => $"export {v.Key}={Commands.ShellQuote.Quote(v.Value)}\n"));

    /// <summary><paramref name="arguments"/> of <c>docker</c>, run by a fixed script that reads the file first.</summary>
    public Commands.ShellCommand Wrap(IEnumerable<string> arguments) =>
        Commands.ShellCommand.Of("sh", ["-c", ". \"$1\" && shift && exec \"$@\"", "sh", Path, "docker", .. arguments]);
}

/// <summary>Resource limits as <c>docker run</c> takes them; "0" and null mean no limit.</summary>
public sealed record ContainerLimits(
    string Memory = "0", string MemorySwap = "0", int MemorySwappiness = 60, string MemoryReservation = "0", string Cpus = "0", string? Cpuset = null, int CpuShares = 1024)
{
    public IEnumerable<string> Arguments()
    {
        if (Memory != "0")
        {
            yield return "--memory";
            yield return Memory;
        }

        if (MemorySwap != "0")
        {
            yield return "--memory-swap";
            yield return MemorySwap;
        }

        if (MemoryReservation != "0")
        {
            yield return "--memory-reservation";
            yield return MemoryReservation;
        }

        if (MemorySwappiness != 60)
        {
            yield return "--memory-swappiness";
            yield return MemorySwappiness.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Cpus != "0")
        {
            yield return "--cpus";
            yield return Cpus;
        }

        if (!string.IsNullOrEmpty(Cpuset))
        {
            yield return "--cpuset-cpus";
            yield return Cpuset;
        }

        if (CpuShares != 1024)
        {
            yield return "--cpu-shares";
            yield return CpuShares.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>A health check Docker runs in the container (<c>--health-cmd</c>, run by the container's shell).</summary>
public sealed record ContainerHealthCheck(string Command, int IntervalSeconds, int TimeoutSeconds, int Retries, int StartPeriodSeconds)
{
    public IEnumerable<string> Arguments() =>
    [
        "--health-cmd", Command, "--health-interval", $"{IntervalSeconds}s", "--health-timeout", $"{TimeoutSeconds}s",
        "--health-retries", Retries.ToString(System.Globalization.CultureInfo.InvariantCulture), "--health-start-period", $"{StartPeriodSeconds}s",
    ];
}

/// <summary>A container as Docker lists it (<c>docker ps</c>); <paramref name="Name"/> without the leading '/'.</summary>
public sealed record ContainerSummary(string Id, string Name, string Image, string State, string Status, IReadOnlyDictionary<string, string> Labels);
