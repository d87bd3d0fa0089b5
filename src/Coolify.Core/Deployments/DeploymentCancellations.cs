using System.Collections.Concurrent;

namespace Coolify.Core.Deployments;

/// <summary>
/// The running deployments of this process and how to stop them: a cancel made here takes effect at once; one made
/// on another replica is seen by the worker when it renews its lease (the row's status says cancelled).
/// </summary>
public sealed class DeploymentCancellations
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public void Register(int deploymentId, CancellationTokenSource source) => _running[deploymentId] = source;

    public void Unregister(int deploymentId) => _running.TryRemove(deploymentId, out _);

    public void Cancel(int deploymentId)
    {
        if (_running.TryGetValue(deploymentId, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }
    }
}
