namespace Coolify.Core.Commands;

/// <summary>
/// Runs commands on one server and moves files to and from it. Implementations: the host's own processes, and
/// an SSH connection pool. File contents travel as files (never inside a command line).
/// </summary>
public interface IServerShell
{
    /// <summary>Runs <paramref name="command"/> with <c>sh -c</c>; cancelling kills it (and what it started).</summary>
    /// <exception cref="CommandTimeoutException">It ran past <see cref="CommandOptions.Timeout"/>.</exception>
    /// <exception cref="ServerConnectionException">The server is unreachable or the connection broke.</exception>
    Task<CommandResult> RunAsync(ShellCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with permission <paramref name="mode"/> (e.g. 0600).</summary>
    Task UploadAsync(Stream content, string path, int mode, CancellationToken cancellationToken = default);

    Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// A fresh connection to the server's Docker Engine API (HTTP over Docker's socket): the socket itself on the
    /// host, <c>docker system dial-stdio</c> over the SSH connection elsewhere — as the docker CLI does for
    /// <c>ssh://</c> hosts. Disposing the stream closes the connection.
    /// </summary>
    /// <exception cref="ServerConnectionException">The server or its Docker socket cannot be reached.</exception>
    Task<Stream> OpenDockerAsync(CancellationToken cancellationToken = default);
}
