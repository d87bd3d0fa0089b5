using Coolify.Core.Commands;

namespace Coolify.Core.Servers;

/// <summary>The shell for a server: local processes for the host itself, the SSH pool for the rest.</summary>
public interface IServerShells
{
    /// <param name="server">Loaded with its <see cref="Server.PrivateKey"/> and <see cref="Server.Settings"/>.</param>
    IServerShell For(Server server);
}
