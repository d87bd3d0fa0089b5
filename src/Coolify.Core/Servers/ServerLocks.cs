using System.Collections.Concurrent;

namespace Coolify.Core.Servers;

/// <summary>
/// Serializes changes to one server's Docker networks (destinations created or removed, validation making them
/// exist), so a validation cannot re-create a network that is being removed. In-process: several replicas would
/// need a database lease instead.
/// </summary>
public sealed class ServerLocks
{
    private readonly ConcurrentDictionary<(int, string), SemaphoreSlim> _locks = new();

    /// <param name="purpose">What is serialized: <c>networks</c>, or <c>proxy</c> (one configuration applied at a time).</param>
    public async Task<IDisposable> AcquireAsync(int serverId, CancellationToken cancellationToken, string purpose = "networks")
    {
        var gate = _locks.GetOrAdd((serverId, purpose), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
