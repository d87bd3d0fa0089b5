using System.Text.Json;
using Coolify.Core.Commands;

namespace Coolify.Core.Docker;

/// <summary>
/// Docker on a server, as typed operations: changes are docker commands over its shell, frequent questions go to
/// the Engine API (<see cref="DockerEngine"/>); output is read as JSON.
/// Everything created here carries <c>coolify.managed=true</c>, and cleanup touches only what carries it.
/// </summary>
public sealed class DockerCli(IServerShell shell)
{
    private readonly DockerEngine _engine = new(shell);

    public const string ManagedLabel = "coolify.managed=true";

    /// <summary>The engine's version, or null when Docker is missing or its daemon does not answer.</summary>
    public async Task<string?> ServerVersionAsync(CancellationToken cancellationToken)
    {
        var result = await shell.RunAsync(ShellCommand.Of("docker", "version", "--format", "{{json .Server}}"), cancellationToken: cancellationToken);
        if (!result.Succeeded || string.IsNullOrWhiteSpace(result.Output) || result.Output.Trim() == "null")
        {
            return null;
        }

        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.TryGetProperty("Version", out var version) ? version.GetString() : null;
    }

    /// <summary>Which Compose is there: <c>("plugin", "2.x")</c>, <c>("standalone", "1.29")</c>, or null.</summary>
    public async Task<(string Kind, string Version)?> ComposeAsync(CancellationToken cancellationToken)
    {
        var plugin = await shell.RunAsync(ShellCommand.Of("docker", "compose", "version", "--short"), cancellationToken: cancellationToken);
        if (plugin.Succeeded && plugin.Output.Trim().Length > 0)
        {
            return ("plugin", plugin.Output.Trim());
        }

        var standalone = await shell.RunAsync(ShellCommand.Of("docker-compose", "version", "--short"), cancellationToken: cancellationToken);
        return standalone.Succeeded && standalone.Output.Trim().Length > 0 ? ("standalone", standalone.Output.Trim()) : null;
    }

    public async Task<bool> NetworkExistsAsync(string name, CancellationToken cancellationToken) =>
        await NetworkLabelsAsync(name, cancellationToken) is not null;

    // The network's labels, or null when no network has exactly this name (Docker also matches id prefixes).
    private async Task<JsonElement?> NetworkLabelsAsync(string name, CancellationToken cancellationToken)
    {
        var network = await _engine.GetAsync($"networks/{DockerEngine.Segment(name)}", cancellationToken);
        if (network is not { } found || found.GetProperty("Name").GetString() != name)
        {
            return null;
        }

        return found.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object ? labels : JsonDocument.Parse("{}").RootElement.Clone();
    }

    /// <summary>Creates an attachable bridge network (idempotent: an existing one is left as it is).</summary>
    public async Task CreateNetworkAsync(string name, IEnumerable<string> labels, CancellationToken cancellationToken)
    {
        if (await NetworkExistsAsync(name, cancellationToken))
        {
            return;
        }

        var arguments = new List<string> { "network", "create", "--attachable", "--label", ManagedLabel };
        foreach (var label in labels)
        {
            arguments.AddRange(["--label", label]);
        }

        arguments.AddRange(["--", name]);
        var create = ShellCommand.Of("docker", arguments);
        var result = await shell.RunAsync(create, cancellationToken: cancellationToken);
        // Someone else (a concurrent validation) may have made it in between: that is success too.
        if (!result.Succeeded && !await NetworkExistsAsync(name, cancellationToken))
        {
            result.EnsureSuccess(create);
        }
    }

    /// <summary>
    /// Removes a network we made; one without our label is left alone (user networks are safe). Returns whether a
    /// network was removed.
    /// </summary>
    public async Task<bool> RemoveNetworkAsync(string name, CancellationToken cancellationToken)
    {
        if (await NetworkLabelsAsync(name, cancellationToken) is not { } labels
            || !labels.TryGetProperty("coolify.managed", out var managed) || managed.GetString() != "true")
        {
            return false;
        }

        var remove = ShellCommand.Of("docker", "network", "rm", "--", name);
        var removed = await shell.RunAsync(remove, cancellationToken: cancellationToken);
        if (!removed.Succeeded && removed.Error.Contains("active endpoints", StringComparison.Ordinal))
        {
            throw new Common.ConflictException($"The network {name} still has containers attached (the proxy or containers started outside Coolify); detach them first.");
        }

        removed.EnsureSuccess(remove);
        return true;
    }

    /// <summary>Starts a container in the background; returns its id.</summary>
    public async Task<string> RunAsync(DockerRun run, CancellationToken cancellationToken)
    {
        // With files to put in first: created, filled, then started.
        List<string> arguments = run.FilesArchive is null ? ["run", "-d"] : ["create"];
        arguments.AddRange(["--name", run.Name, "--label", ManagedLabel]);
        foreach (var label in run.Labels ?? [])
        {
            arguments.AddRange(["--label", label]);
        }

        if (run.Network is not null)
        {
            arguments.AddRange(["--network", run.Network]);
        }

        if (run.RestartPolicy is not null)
        {
            arguments.AddRange(["--restart", run.RestartPolicy]);
        }

        foreach (var name in run.Environment?.Names ?? [])
        {
            arguments.AddRange(["--env", name]);
        }

        // Not secrets (those come through Environment): plain settings of the image, on the command line.
        foreach (var (name, value) in run.Settings ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["--env", $"{name}={value}"]);
        }

        foreach (var port in run.Ports ?? [])
        {
            arguments.AddRange(["--publish", port]);
        }

        foreach (var volume in run.Volumes ?? [])
        {
            arguments.AddRange(["--volume", volume]);
        }

        foreach (var host in run.ExtraHosts ?? [])
        {
            arguments.AddRange(["--add-host", host]);
        }

        arguments.AddRange(run.Limits?.Arguments() ?? []);
        arguments.AddRange(run.HealthCheck?.Arguments() ?? []);

        // "--": an image or a command that starts with "-" is never read as an option of docker run.
        arguments.AddRange(["--", run.Image]);
        arguments.AddRange(run.Command ?? []);
        var id = (await RunCheckedAsync(run.Environment is null ? ShellCommand.Of("docker", arguments) : run.Environment.Wrap(arguments), cancellationToken)).Output.Trim();
        if (run.FilesArchive is not null)
        {
            await RunCheckedAsync(ShellCommand.Of("docker", "cp", "-", $"{run.Name}:/").ReadInputFrom(run.FilesArchive), cancellationToken);
            await RunCheckedAsync(ShellCommand.Of("docker", "start", "--", run.Name), cancellationToken);
        }

        return id;
    }

    /// <summary>Our containers' state by the value of one of their labels (<c>coolify.resource</c>, say).</summary>
    public async Task<IReadOnlyList<(string LabelValue, string State, string Status)>> StatesByLabelAsync(string labelKey, CancellationToken cancellationToken) =>
        [.. (await PsAsync(ManagedLabel, cancellationToken)).Select(c => (c.Labels.GetValueOrDefault(labelKey, string.Empty), c.State, c.Status))];

    /// <summary>Containers carrying <paramref name="label"/> (ours by default), running or not.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> PsAsync(string label = ManagedLabel, CancellationToken cancellationToken = default)
    {
        var list = await _engine.GetAsync($"containers/json?all=true&{DockerEngine.LabelFilter(label)}", cancellationToken);
        return list is not { } containers ? [] : [.. containers.EnumerateArray().Select(c => new ContainerSummary(
            c.GetProperty("Id").GetString() ?? string.Empty,
            string.Join(',', c.GetProperty("Names").EnumerateArray().Select(n => n.GetString()?.TrimStart('/'))),
            c.GetProperty("Image").GetString() ?? string.Empty,
            c.GetProperty("State").GetString() ?? string.Empty,
            c.GetProperty("Status").GetString() ?? string.Empty,
            c.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? string.Empty)
                : new Dictionary<string, string>()))];
    }

    /// <summary>Host ports published by running containers, with the container that holds each.</summary>
    public async Task<IReadOnlyList<(int Port, string Container)>> PublishedPortsAsync(CancellationToken cancellationToken)
    {
        var list = await _engine.GetAsync("containers/json", cancellationToken);
        return list is not { } containers ? [] : [.. containers.EnumerateArray().SelectMany(c =>
            c.TryGetProperty("Ports", out var ports) && ports.ValueKind == JsonValueKind.Array
                ? ports.EnumerateArray().Where(p => p.TryGetProperty("PublicPort", out _))
                    .Select(p => (p.GetProperty("PublicPort").GetInt32(), c.GetProperty("Names")[0].GetString()?.TrimStart('/') ?? string.Empty))
                : [])];
    }

    /// <summary>A container as <c>docker inspect</c> shows it, or null when there is none by that name or id.</summary>
    public Task<JsonElement?> InspectContainerAsync(string name, CancellationToken cancellationToken) =>
        _engine.GetAsync($"containers/{DockerEngine.Segment(name)}/json", cancellationToken);

    /// <summary>Docker's state of a container (<c>running</c>, <c>exited</c>, ...), or <c>missing</c> when there is none by that name.</summary>
    public async Task<string> ContainerStatusAsync(string name, CancellationToken cancellationToken) =>
        await InspectContainerAsync(name, cancellationToken) is { } found ? found.GetProperty("State").GetProperty("Status").GetString() ?? "unknown" : "missing";

    /// <summary>An image as <c>docker image inspect</c> shows it, or null when the server does not have it.</summary>
    public Task<JsonElement?> InspectImageAsync(string reference, CancellationToken cancellationToken) =>
        _engine.GetAsync($"images/{DockerEngine.Segment(reference)}/json", cancellationToken);

    /// <summary>A container's logs; with <paramref name="follow"/>, streams until it stops or the token cancels.</summary>
    public Task<CommandResult> LogsAsync(string name, bool follow, Func<OutputLine, ValueTask>? onOutput, CancellationToken cancellationToken) =>
        shell.RunAsync(
            ShellCommand.Of("docker", follow ? ["logs", "--follow", "--", name] : ["logs", "--", name]),
            new CommandOptions { OnOutput = onOutput, Timeout = follow ? TimeSpan.FromDays(1) : CommandOptions.Default.Timeout },
            cancellationToken);

    /// <summary>The last <paramref name="lines"/> lines a container wrote, both streams in the order written, in the output.</summary>
    public Task<CommandResult> TailLogsAsync(string name, int lines, CancellationToken cancellationToken, bool timestamps = false) =>
        shell.RunAsync(
            ShellCommand.Of("docker", ["logs", "--tail", lines.ToString(System.Globalization.CultureInfo.InvariantCulture), .. timestamps ? ["--timestamps"] : Array.Empty<string>(), "--", name])
                .MergeErrorIntoOutput(),
            cancellationToken: cancellationToken);

    /// <summary>Pulls an image, streaming Docker's progress lines.</summary>
    public Task<CommandResult> PullAsync(string reference, Func<OutputLine, ValueTask>? onOutput, CancellationToken cancellationToken) =>
        shell.RunAsync(ShellCommand.Of("docker", "pull", "--", reference), new CommandOptions { OnOutput = onOutput, Timeout = TimeSpan.FromMinutes(30) }, cancellationToken);

    /// <summary>Runs a program inside a running container (each argument one argument).</summary>
    public Task<CommandResult> ExecAsync(string name, IEnumerable<string> command, CancellationToken cancellationToken) =>
        shell.RunAsync(ShellCommand.Of("docker", ["exec", "--", name, .. command]), cancellationToken: cancellationToken);

    /// <summary>Unpacks a tar archive into a folder of a container (created or running), from standard input.</summary>
    public async Task CopyIntoAsync(string name, string directory, MemoryStream archive, CancellationToken cancellationToken)
    {
        var copy = ShellCommand.Of("docker", "cp", "-", $"{name}:{directory}");
        (await shell.RunAsync(copy, new CommandOptions { Input = archive.ToArray() }, cancellationToken)).EnsureSuccess(copy);
    }

    public Task ConnectNetworkAsync(string network, string container, CancellationToken cancellationToken) =>
        RunCheckedAsync(ShellCommand.Of("docker", "network", "connect", "--", network, container), cancellationToken);

    public Task StopAsync(string name, int timeoutSeconds, CancellationToken cancellationToken) =>
        RunCheckedAsync(ShellCommand.Of("docker", "stop", "--time", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--", name), cancellationToken);

    public Task RemoveContainerAsync(string name, CancellationToken cancellationToken) =>
        RunCheckedAsync(ShellCommand.Of("docker", "rm", "--force", "--", name), cancellationToken);

    /// <summary>Removes a container that may or may not exist (cleanup after a cancelled start).</summary>
    public Task RemoveContainerIfExistsAsync(string name, CancellationToken cancellationToken) =>
        shell.RunAsync(ShellCommand.Of("docker", "rm", "--force", "--", name).DiscardOutput(), cancellationToken: cancellationToken);

    public Task CreateVolumeAsync(string name, IEnumerable<string> labels, CancellationToken cancellationToken) =>
        RunCheckedAsync(ShellCommand.Of("docker", ["volume", "create", "--label", ManagedLabel, .. labels.SelectMany(l => new[] { "--label", l }), "--", name]), cancellationToken);

    public async Task<IReadOnlyList<string>> ListVolumesAsync(string label = ManagedLabel, CancellationToken cancellationToken = default) =>
        (await RunCheckedAsync(ShellCommand.Of("docker", "volume", "ls", "--filter", $"label={label}", "--format", "{{.Name}}"), cancellationToken))
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        RunCheckedAsync(ShellCommand.Of("docker", "volume", "rm", "--", name), cancellationToken);

    public async Task<IReadOnlyList<string>> ListImagesAsync(string reference, CancellationToken cancellationToken) =>
        (await RunCheckedAsync(ShellCommand.Of("docker", "image", "ls", "--filter", $"reference={reference}", "--format", "{{.Repository}}:{{.Tag}}"), cancellationToken))
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Images carrying <paramref name="label"/>, newest first: <c>repository:tag</c> and when each was made.</summary>
    public async Task<IReadOnlyList<(string Reference, DateTimeOffset CreatedAt)>> ImagesWithLabelAsync(string label, CancellationToken cancellationToken)
    {
        var list = await _engine.GetAsync($"images/json?{DockerEngine.LabelFilter(label)}", cancellationToken);
        return list is not { } images ? [] : [.. images.EnumerateArray()
            .SelectMany(image => (image.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray() : default)
                .Select(tag => tag.GetString() ?? string.Empty)
                .Where(tag => tag.Length > 0 && tag != "<none>:<none>")
                .Select(tag => (tag, DateTimeOffset.FromUnixTimeSeconds(image.GetProperty("Created").GetInt64()))))
            .OrderByDescending(i => i.Item2)];
    }

    /// <summary>Removes an image unless a container still uses it (then it stays, quietly).</summary>
    public Task RemoveImageIfUnusedAsync(string reference, CancellationToken cancellationToken) =>
        shell.RunAsync(ShellCommand.Of("docker", "image", "rm", "--", reference).DiscardOutput(), cancellationToken: cancellationToken);

    public Task RemoveImageAsync(string reference, CancellationToken cancellationToken) =>
        RunCheckedAsync(ShellCommand.Of("docker", "image", "rm", "--", reference), cancellationToken);

    /// <summary>Builds an image from a directory on the server, streaming the build's output.</summary>
    public Task<CommandResult> BuildAsync(DockerBuild build, Func<OutputLine, ValueTask>? onOutput, CancellationToken cancellationToken)
    {
        string[] arguments = [
            "build", "--tag", build.Tag, "--label", ManagedLabel, .. build.Labels.SelectMany(l => new[] { "--label", l }),
            .. build.Dockerfile is null ? Array.Empty<string>() : ["--file", build.Dockerfile],
            .. build.Target is null ? Array.Empty<string>() : ["--target", build.Target],
            .. (build.Arguments?.Names ?? []).SelectMany(name => new[] { "--build-arg", name }),
            .. build.NoCache ? ["--no-cache"] : Array.Empty<string>(),
            "--", build.Context];
        var command = build.Arguments is null ? ShellCommand.Of("docker", arguments) : build.Arguments.Wrap(arguments);

        return shell.RunAsync(command, new CommandOptions { OnOutput = onOutput, Timeout = TimeSpan.FromHours(1) }, cancellationToken);
    }

    /// <summary><c>docker compose</c> (plugin) or <c>docker-compose</c> (v1), whichever the server has, for a project.</summary>
    public async Task<CommandResult> ComposeAsync(string projectDirectory, string projectName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var compose = await ComposeAsync(cancellationToken) ?? throw new InvalidOperationException("Docker Compose is not installed on the server.");
        string[] program = compose.Kind == "plugin" ? ["docker", "compose"] : ["docker-compose"];
        var command = ShellCommand.Of(program[0], [.. program[1..], "--project-name", projectName, .. arguments]).InDirectory(projectDirectory);
        return await shell.RunAsync(command, new CommandOptions { Timeout = TimeSpan.FromMinutes(30) }, cancellationToken);
    }

    /// <summary>
    /// Compose with the project's file on standard input (<c>-f -</c>): what the file holds (secrets among it) is
    /// neither on a command line nor on the server's disk.
    /// </summary>
    public async Task<CommandResult> ComposeWithFileAsync(
        string projectName, string composeFile, IEnumerable<string> arguments, CancellationToken cancellationToken, Func<OutputLine, ValueTask>? onOutput = null)
    {
        var compose = await ComposeAsync(cancellationToken) ?? throw new InvalidOperationException("Docker Compose is not installed on the server.");
        string[] program = compose.Kind == "plugin" ? ["docker", "compose"] : ["docker-compose"];
        var command = ShellCommand.Of(program[0], [.. program[1..], "--file", "-", "--project-name", projectName, .. arguments]);
        var input = System.Text.Encoding.UTF8.GetBytes(composeFile);
        return await shell.RunAsync(command, new CommandOptions { Input = input, Timeout = TimeSpan.FromMinutes(30), OnOutput = onOutput }, cancellationToken);
    }

    private async Task<CommandResult> RunCheckedAsync(ShellCommand command, CancellationToken cancellationToken) =>
        (await shell.RunAsync(command, cancellationToken: cancellationToken)).EnsureSuccess(command);
}
