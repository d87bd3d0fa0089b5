using Coolify.Core.Commands;

namespace Coolify.Core.Servers;

/// <summary>The shell for a server: local processes for the host itself, the SSH pool for the rest.</summary>
public interface IServerShells
{
    /// <param name="server">Loaded with its <see cref="Server.PrivateKey"/> and <see cref="Server.Settings"/>.</param>
    IServerShell For(Server server);

    /// <summary>
    /// Drops the server's connection, so the next command logs in afresh (after a change only a new login sees,
    /// such as joining the docker group). Commands running on it fail as if the connection was lost.
    /// </summary>
    void Reconnect(Server server);
}
