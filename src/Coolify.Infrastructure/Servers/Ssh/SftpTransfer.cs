using Coolify.Core.Commands;
using Renci.SshNet.Common;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>An SFTP transfer's failure told as a failed command (a missing file, a folder the user may not write), as callers expect of a shell.</summary>
internal static class SftpTransfer
{
    public static async Task RunAsync(ShellCommand described, Func<Task> transfer)
    {
        try
        {
            await transfer();
        }
        catch (SshException ex) when (ex is not SshConnectionException)
        {
            throw new CommandFailedException(described, new CommandResult(1, string.Empty, ex.Message));
        }
        catch (SshConnectionException ex)
        {
            throw new ServerConnectionException($"The connection dropped during a file transfer: {ex.Message}", ex);
        }
    }
}
