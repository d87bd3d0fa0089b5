using System.Collections.Concurrent;
using Coolify.Core.Commands;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>
/// The SSH connections of the whole host, one per server, shared by every feature; connections idle longer than
/// <see cref="IdleTimeout"/> are closed. A slow or hung server only ever holds its own connection.
/// </summary>
public sealed class SshConnectionPool(IHostKeyStore hostKeys) : IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (SshServerTarget Target, SshServerShell Shell)> _shells = new();

    /// <summary>The shell for <paramref name="target"/>; a changed address, user or key gets a new connection.</summary>
    public IServerShell For(SshServerTarget target)
    {
        var entry = _shells.AddOrUpdate(
            target.ServerId,
            _ => (target, new SshServerShell(target, hostKeys)),
            (_, existing) =>
            {
                if (existing.Target == target)
                {
                    return existing;
                }

                existing.Shell.Dispose();
                return (target, new SshServerShell(target, hostKeys));
            });
        return entry.Shell;
    }

    /// <summary>Closes the server's connection now; the next command opens a new one.</summary>
    public void Close(string serverId)
    {
        if (_shells.TryRemove(serverId, out var removed))
        {
            removed.Shell.Dispose();
        }
    }

    /// <summary>
    /// Closes connections nobody used for a while (called periodically). The shells stay in the pool, so a caller
    /// holding one simply connects again.
    /// </summary>
    public void CloseIdle(DateTimeOffset now)
    {
        foreach (var entry in _shells.Values)
        {
            if (now - entry.Shell.LastUsed > IdleTimeout)
            {
                entry.Shell.DisconnectIfIdle();
            }
        }
    }

    public void Dispose()
    {
        foreach (var entry in _shells.Values)
        {
            entry.Shell.Dispose();
        }

        _shells.Clear();
    }
}
