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

    /// <summary>Closes connections nobody used for a while (called periodically).</summary>
    public void CloseIdle(DateTimeOffset now)
    {
        foreach (var (id, entry) in _shells)
        {
            if (!entry.Shell.IsBusy && now - entry.Shell.LastUsed > IdleTimeout && _shells.TryRemove(id, out var removed))
            {
                removed.Shell.Dispose();
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
