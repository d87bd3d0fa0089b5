namespace Coolify.Core.Commands;

/// <summary>
/// The SSH host keys we trust, pinned per server on first connection (trust on first use). A server that later
/// shows another key is refused until a user accepts the new one.
/// </summary>
public interface IHostKeyStore
{
    ValueTask<string?> GetPinnedAsync(string serverId, CancellationToken cancellationToken);

    ValueTask PinAsync(string serverId, string fingerprint, CancellationToken cancellationToken);
}

/// <summary>The server showed a host key other than the pinned one: possibly someone in the middle.</summary>
public sealed class HostKeyMismatchException(string host, string pinned, string presented)
    : ServerConnectionException(
        $"The SSH host key of {host} has changed (trusted {pinned}, now {presented}). If the server was reinstalled, " +
        "accept the new key on the server's page; otherwise someone may be intercepting the connection.")
{
    public string Pinned { get; } = pinned;

    public string Presented { get; } = presented;
}
