namespace Coolify.Core.Commands;

/// <summary>Small conveniences every user of a server's shell needs, written once.</summary>
public static class ServerShellExtensions
{
    /// <summary>A new private (0600) temporary file on the server, or a folder (0700) with <paramref name="directory"/>; the caller removes it.</summary>
    public static async Task<string> TemporaryAsync(this IServerShell shell, CancellationToken cancellationToken, bool directory = false)
    {
        var command = directory ? ShellCommand.Of("mktemp", "-d") : ShellCommand.Of("mktemp");
        return (await shell.RunAsync(command, cancellationToken: cancellationToken)).EnsureSuccess(command).Output.Trim();
    }
}
