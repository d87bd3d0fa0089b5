using System.Text;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.Docker;
using Coolify.Core.Services.Compose;

namespace Coolify.Core.Services;

/// <summary>
/// A compose project on its server (named by the resource's uuid, its file on Compose's standard input). Bringing it
/// up rolls each running, health-checked service without a fixed name or host port start-first — a second container
/// beside the old one, routed to once healthy, the old one removed after — and recreates the others in place.
/// </summary>
public sealed class ServiceProject(IServerShell shell, string uuid, RenderedCompose rendered, Func<string, Task> log)
{
    private const string ProjectLabel = "com.docker.compose.project";
    private const string ServiceLabel = "com.docker.compose.service";
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(5);

    private readonly DockerCli _docker = new(shell);

    /// <summary>Brings every service up; <paramref name="route"/> is called with the serving container of each compose service whenever it changes.</summary>
    /// <param name="rollable">The compose services that may be rolled out start-first.</param>
    /// <param name="recreate">Make every container anew (a restart), not only those whose definition changed.</param>
    /// <exception cref="ServiceRolloutException">Compose refused, or a new container did not become healthy.</exception>
    public async Task<IReadOnlyDictionary<string, string>> UpAsync(
        IReadOnlySet<string> rollable, Func<IReadOnlyDictionary<string, string>, Task> route, bool recreate, CancellationToken cancellationToken)
    {
        await _docker.CreateNetworkAsync(uuid, [$"coolify.resource={uuid}"], cancellationToken);
        await EnsureOwnPathsAsync(cancellationToken);
        var before = await ContainersAsync(cancellationToken);
        var serving = new Dictionary<string, string>(rendered.Containers, StringComparer.Ordinal);
        foreach (var (name, containers) in before)
        {
            if (rollable.Contains(name) && containers.FirstOrDefault(c => c.State == "running") is { } running)
            {
                serving[name] = running.Name;
            }
        }

        // The others first (what a rolled service depends on exists before its new container starts), in place;
        // then the rolled ones, one by one; then Compose reconciles the whole (orphans of removed services go).
        var rolled = rendered.Containers.Keys.Where(s => rollable.Contains(s) && before.GetValueOrDefault(s)?.Any(c => c.State == "running") == true).ToList();
        var inPlace = rendered.Containers.Keys.Except(rolled).ToList();
        foreach (var service in inPlace)
        {
            var running = before.GetValueOrDefault(service)?.Any(c => c.State == "running") == true;
            var why = "it has no health check, a fixed container name or host port, or is a database";
            await log(!running ? $"{service}: started."
                : recreate ? $"{service}: restarted in place ({why})."
                : $"{service}: kept, or recreated in place if its definition changed ({why}).");
        }

        if (inPlace.Count > 0)
        {
            await ComposeAsync(["up", "--no-start", "--no-deps", .. recreate ? ["--force-recreate"] : Array.Empty<string>(), .. inPlace], cancellationToken);
            await CopyFilesAsync(await ContainersAsync(cancellationToken), c => c.State == "created", cancellationToken);
            await ComposeAsync(["up", "--detach", "--no-deps", .. inPlace], cancellationToken);
        }

        var scale = new List<string>();
        foreach (var service in rolled)
        {
            await log($"{service}: rolled out start-first (it has a health check and no fixed name or host port): a new container starts beside the old one.");
            serving[service] = await RollAsync(service, before[service].Where(c => c.State == "running").ToList(), serving, route, cancellationToken);
            scale.AddRange(["--scale", $"{service}=1"]);
        }

        await ComposeAsync(["up", "--no-start", "--remove-orphans", .. scale], cancellationToken);
        await CopyFilesAsync(await ContainersAsync(cancellationToken), c => c.State == "created", cancellationToken);
        await ComposeAsync(["up", "--detach", "--remove-orphans", .. scale], cancellationToken);
        foreach (var (name, containers) in await ContainersAsync(cancellationToken))
        {
            if (rollable.Contains(name) && containers.FirstOrDefault(c => c.State == "running") is { } running)
            {
                serving[name] = running.Name;
            }
        }

        await route(serving);
        return serving;
    }

    /// <summary>
    /// Joins every running container to <paramref name="network"/> (the destination's) under <c>&lt;service&gt;-&lt;uuid&gt;</c>
    /// only — Coolify's "connect to the predefined network": other resources reach it by that name, never by the bare
    /// service names, which would clash between projects.
    /// </summary>
    public async Task ConnectAsync(string network, CancellationToken cancellationToken)
    {
        foreach (var (service, containers) in await ContainersAsync(cancellationToken))
        {
            foreach (var container in containers.Where(c => c.State == "running"))
            {
                var inspect = await _docker.InspectContainerAsync(container.Id, cancellationToken);
                if (inspect is { } found && found.GetProperty("NetworkSettings").GetProperty("Networks").TryGetProperty(network, out _))
                {
                    continue;
                }

                var connect = ShellCommand.Of("docker", "network", "connect", "--alias", $"{service}-{uuid}", "--", network, container.Id);
                (await shell.RunAsync(connect, cancellationToken: cancellationToken)).EnsureSuccess(connect);
            }
        }
    }

    /// <summary>Builds the images of the services with a <c>build</c> section (their contexts are on the server).</summary>
    public async Task<bool> BuildAsync(Func<OutputLine, ValueTask> output, CancellationToken cancellationToken)
    {
        var result = await _docker.ComposeWithFileAsync(uuid, rendered.Yaml, ["build"], cancellationToken, output);
        return result.Succeeded;
    }

    /// <summary>The project's containers by compose service.</summary>
    public Task<Dictionary<string, List<ContainerSummary>>> ContainersAsync(CancellationToken cancellationToken) => ContainersAsync(_docker, uuid, cancellationToken);

    /// <summary>The containers of project <paramref name="project"/> by compose service (no compose file needed).</summary>
    public static async Task<Dictionary<string, List<ContainerSummary>>> ContainersAsync(DockerCli docker, string project, CancellationToken cancellationToken) =>
        (await docker.PsAsync($"{ProjectLabel}={project}", cancellationToken))
            .GroupBy(c => c.Labels.GetValueOrDefault(ServiceLabel, string.Empty))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>
    /// Stops and removes every container of the project, and its volumes when asked, by Compose's labels — no compose
    /// file needed, so a service whose file no longer renders (a variable broken, a permission withdrawn) still stops.
    /// </summary>
    public static async Task TearDownAsync(IServerShell shell, string project, bool removeVolumes, CancellationToken cancellationToken)
    {
        var docker = new DockerCli(shell);
        foreach (var container in (await ContainersAsync(docker, project, cancellationToken)).Values.SelectMany(c => c))
        {
            await docker.StopAsync(container.Id, 30, cancellationToken);
            await docker.RemoveContainerIfExistsAsync(container.Id, cancellationToken);
        }

        if (removeVolumes)
        {
            foreach (var volume in await docker.ListVolumesAsync($"{ProjectLabel}={project}", cancellationToken))
            {
                await docker.RemoveVolumeAsync(volume, cancellationToken);
            }
        }
    }

    private async Task<string> RollAsync(
        string service, List<ContainerSummary> old, Dictionary<string, string> serving, Func<IReadOnlyDictionary<string, string>, Task> route, CancellationToken cancellationToken)
    {
        // A container an interrupted rollout left (created or stopped) would count towards the scale and be started stale.
        foreach (var stale in (await ContainersAsync(cancellationToken)).GetValueOrDefault(service)?.Where(c => old.All(o => o.Id != c.Id)) ?? [])
        {
            await _docker.RemoveContainerIfExistsAsync(stale.Id, cancellationToken);
        }

        string[] scale = ["--no-deps", "--no-recreate", "--scale", $"{service}={old.Count + 1}", service];
        List<ContainerSummary> fresh = [];
        string container;
        try
        {
            await ComposeAsync(["up", "--no-start", .. scale], cancellationToken);
            fresh = (await ContainersAsync(cancellationToken)).GetValueOrDefault(service)?.Where(c => old.All(o => o.Id != c.Id)).ToList() ?? [];
            if (fresh.Count == 0)
            {
                throw new ServiceRolloutException($"Compose made no new container for {service}.");
            }

            await CopyFilesAsync(new Dictionary<string, List<ContainerSummary>> { [service] = fresh }, _ => true, cancellationToken);
            await ComposeAsync(["up", "--detach", .. scale], cancellationToken);
            container = fresh[0].Name;
            if (await WaitHealthyAsync(container, cancellationToken) is { } problem)
            {
                var tail = await _docker.TailLogsAsync(container, 20, CancellationToken.None);
                throw new ServiceRolloutException($"{service}: the new container {problem}; it was removed and the old one keeps serving. Its last lines: {(tail.Output + tail.Error).Trim()}");
            }
        }
        catch
        {
            // Failed, refused or cancelled before the switch: the new container goes, the old one never stopped serving.
            foreach (var made in fresh)
            {
                await _docker.RemoveContainerIfExistsAsync(made.Id, CancellationToken.None);
            }

            throw;
        }

        await log($"{service}: {container} is healthy; the proxy now sends its domains there.");
        serving[service] = container;
        await route(serving);
        foreach (var previous in old)
        {
            await _docker.StopAsync(previous.Name, 30, CancellationToken.None);
            await _docker.RemoveContainerAsync(previous.Name, CancellationToken.None);
            await log($"{service}: the previous container {previous.Name} stopped and removed.");
        }

        return container;
    }

    // A container can write a symbolic link into its own bind folder (./data/l -> /); a later file mounting ./data/l would
    // then mount the host's root. Resolved on the server right before Compose runs, every path must stay in the folder.
    private async Task EnsureOwnPathsAsync(CancellationToken cancellationToken)
    {
        if (rendered.OwnPaths is not { Count: > 0 } paths)
        {
            return;
        }

        var resolve = ShellCommand.Of("realpath", ["-m", "--", rendered.Folder, .. paths]);
        var result = await shell.RunAsync(resolve, cancellationToken: cancellationToken);
        var real = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (!result.Succeeded || real.Length != paths.Count + 1)
        {
            throw new ServiceRolloutException($"Could not resolve the paths under {rendered.Folder} on the server: {result.Error.Trim()}");
        }

        var outside = paths.Where((_, i) => real[i + 1] != real[0] && !real[i + 1].StartsWith(real[0] + "/", StringComparison.Ordinal)).ToList();
        if (outside.Count > 0)
        {
            throw new ServiceRolloutException($"{string.Join(", ", outside)} leads out of {rendered.Folder} on the server (a symbolic link); refused.");
        }
    }

    // Null once healthy; else what went wrong.
    private async Task<string?> WaitHealthyAsync(string container, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < HealthTimeout)
        {
            var inspect = await _docker.InspectContainerAsync(container, cancellationToken);
            var state = inspect is { } found ? found.GetProperty("State") : (JsonElement?)null;
            var status = state?.GetProperty("Status").GetString() ?? "missing";
            var health = state is { } s && s.TryGetProperty("Health", out var h) ? h.GetProperty("Status").GetString() : null;
            if (health == "healthy")
            {
                return null;
            }

            if (status is "exited" or "dead" or "missing" || health == "unhealthy")
            {
                return health == "unhealthy" ? "turned unhealthy" : $"is {status}";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return $"was not healthy after {HealthTimeout.TotalMinutes:0} minutes";
    }

    // The compose file's content: files, into the containers made but not yet started (their processes read them at start).
    private async Task CopyFilesAsync(Dictionary<string, List<ContainerSummary>> containers, Func<ContainerSummary, bool> which, CancellationToken cancellationToken)
    {
        foreach (var group in rendered.Files.GroupBy(f => f.Container))
        {
            var service = rendered.Containers.Single(c => c.Value == group.Key).Key;
            foreach (var container in containers.GetValueOrDefault(service)?.Where(which) ?? [])
            {
                var files = group.ToList();
                var folders = files.SelectMany(f =>
                {
                    var parts = f.Path.Trim('/').Split('/')[..^1];
                    return Enumerable.Range(1, parts.Length).Select(n => string.Join('/', parts[..n]));
                }).Distinct(StringComparer.Ordinal);
                using var archive = TarFiles.Create(folders.Select(f => (f, (byte[]?)null))
                    .Concat(files.Select(f => (f.Path.Trim('/'), (byte[]?)Encoding.UTF8.GetBytes(f.Content)))));
                await _docker.CopyIntoAsync(container.Id, "/", archive, cancellationToken);
            }
        }
    }

    private async Task ComposeAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await _docker.ComposeWithFileAsync(uuid, rendered.Yaml, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            var lines = (result.Error.Length > 0 ? result.Error : result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new ServiceRolloutException(string.Join(" ", lines.TakeLast(3)) is { Length: > 0 } text ? text : "Docker Compose failed without saying why.");
        }
    }
}
