using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Docker;

namespace Coolify.Core.Databases;

/// <summary>
/// One database's container on its server, driven through Compose (<see cref="DatabaseCompose"/>): made afresh with
/// the current settings on each start (the data is in named volumes), given its files, then started.
/// </summary>
public sealed class DatabaseContainer(IServerShell shell, StandaloneDatabase database, string network, DatabaseCustomizations custom)
{
    private readonly DockerCli _docker = new(shell);

    private string ComposeFile => DatabaseCompose.Render(database, network, custom);

    /// <summary>
    /// Everything the server is given for <paramref name="database"/> (its Compose file and its files): equal before
    /// and after a change means the running container is already what the change asks for (a rename, say).
    /// </summary>
    public static string Definition(StandaloneDatabase database, string network, DatabaseCustomizations custom) =>
        string.Join('\0', Files(database, custom).Select(f => $"{f.Path}\0{f.Content}").Prepend(DatabaseCompose.Render(database, network, custom)));

    /// <exception cref="DatabaseRuntimeException">Compose or Docker refused (a port taken, an image missing, ...).</exception>
    public async Task StartAsync(string destinationUuid, CancellationToken cancellationToken)
    {
        // The destination's network (made when the server was validated; again here if it went since).
        await _docker.CreateNetworkAsync(network, [$"coolify.destination={destinationUuid}"], cancellationToken);

        // Created, not started: files first, so the image's entrypoint sees its configuration and init scripts.
        await ComposeAsync(["up", "--no-start", "--force-recreate", "--remove-orphans"], cancellationToken);
        var files = Files(database, custom).ToList();
        if (files.Count > 0)
        {
            // A folder mount is an entry with no content (the folder itself); a file's parents come first.
            using var archive = TarFiles.Create(Folders(files).Select(f => (f, (byte[]?)null))
                .Concat(files.Select(f => (f.Path.Trim('/'), f.Content is null ? null : (byte[]?)Encoding.UTF8.GetBytes(f.Content)))));
            await _docker.CopyIntoAsync(database.Uuid, "/", archive, cancellationToken);
        }

        await ComposeAsync(["start"], cancellationToken);
    }

    /// <summary>Stops and removes the container; the data volumes stay unless <paramref name="removeVolumes"/>.</summary>
    public Task StopAsync(bool removeVolumes, CancellationToken cancellationToken) =>
        ComposeAsync(removeVolumes ? ["down", "--timeout", "30", "--volumes"] : ["down", "--timeout", "30"], cancellationToken);

    public Task<CommandResult> LogsAsync(int lines, bool timestamps, CancellationToken cancellationToken) =>
        _docker.TailLogsAsync(database.Uuid, lines, cancellationToken, timestamps);

    public Task<string> StatusAsync(CancellationToken cancellationToken) => _docker.ContainerStatusAsync(database.Uuid, cancellationToken);

    private async Task ComposeAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await _docker.ComposeWithFileAsync(database.Uuid, ComposeFile, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new DatabaseRuntimeException(Explain(result.Error.Length > 0 ? result.Error : result.Output));
        }
    }

    // The user's file mounts, then the engine's own files (whose paths a user's storage cannot take).
    private static IEnumerable<(string Path, string? Content)> Files(StandaloneDatabase database, DatabaseCustomizations custom) =>
        custom.FileEntries().Concat(DatabaseEngine.Of(database).Files(database).Select(f => (f.Path, (string?)f.Content)));

    // The folders the files go in, parents first (relative to the container's root).
    private static IEnumerable<string> Folders(IEnumerable<(string Path, string? Content)> files) =>
        files.SelectMany(f =>
        {
            var parts = f.Path.Trim('/').Split('/')[..^1];
            return Enumerable.Range(1, parts.Length).Select(n => string.Join('/', parts[..n]));
        }).Distinct(StringComparer.Ordinal);

    // Compose prints progress on stderr too: the error is its last lines.
    private static string Explain(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.TakeLast(3)) is { Length: > 0 } text ? text : "Docker Compose failed without saying why.";
    }
}

/// <summary>The server refused to run a database (its message says why); the stored database is unchanged.</summary>
public sealed class DatabaseRuntimeException(string message) : Exception(message);
