using System.Text.Json;
using Coolify.Core.Commands;

namespace Coolify.Core.Docker;

/// <summary>
/// Docker on a server, as typed operations over its shell; output is read as JSON where Docker offers it.
/// Everything created here carries <c>coolify.managed=true</c>, and cleanup touches only what carries it.
/// </summary>
public sealed class DockerCli(IServerShell shell)
{
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
        (await shell.RunAsync(ShellCommand.Of("docker", "network", "inspect", "--format", "{{.Name}}", "--", name), cancellationToken: cancellationToken)).Succeeded;

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
        if (!await NetworkExistsAsync(name, cancellationToken))
        {
            return false;
        }

        var labels = await shell.RunAsync(ShellCommand.Of("docker", "network", "inspect", "--format", "{{json .Labels}}", "--", name), cancellationToken: cancellationToken);
        using var json = JsonDocument.Parse(labels.Output is { Length: > 0 } text && text.Trim() != "null" ? text : "{}");
        if (!json.RootElement.TryGetProperty("coolify.managed", out var managed) || managed.GetString() != "true")
        {
            return false;
        }

        var remove = ShellCommand.Of("docker", "network", "rm", "--", name);
        (await shell.RunAsync(remove, cancellationToken: cancellationToken)).EnsureSuccess(remove);
        return true;
    }
}
