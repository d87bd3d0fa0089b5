using System.Collections.Concurrent;

namespace Coolify.Core.Deployments;

/// <summary>
/// Live log lines for watchers in this process (the dashboard's deployment page subscribes by deployment id).
/// Lines are also stored, in batches; until a running deployment's lines are all stored, <see cref="Recent"/>
/// has them, so a page that opens mid-deployment misses none: subscribe, take <see cref="Recent"/>, read the stored
/// lines, merge by sequence.
/// </summary>
public sealed class DeploymentLogFeed
{
    private readonly ConcurrentDictionary<int, List<DeploymentLogLine>> _running = new();

    public event Action<DeploymentLogLine>? LineWritten;

    /// <summary>A deployment's status changed (claimed, finished, failed, cancelled): deployment id and new status.</summary>
    public event Action<int, string>? StatusChanged;

    public void Publish(DeploymentLogLine line)
    {
        var lines = _running.GetOrAdd(line.DeploymentId, _ => []);
        lock (lines)
        {
            lines.Add(line);
        }

        LineWritten?.Invoke(line);
    }

    public void PublishStatus(int deploymentId, string status) => StatusChanged?.Invoke(deploymentId, status);

    /// <summary>The lines this process published for a deployment still running here.</summary>
    public IReadOnlyList<DeploymentLogLine> Recent(int deploymentId)
    {
        if (!_running.TryGetValue(deploymentId, out var lines))
        {
            return [];
        }

        lock (lines)
        {
            return [.. lines];
        }
    }

    /// <summary>Drops a deployment's lines once they are all stored (it ended).</summary>
    public void Forget(int deploymentId) => _running.TryRemove(deploymentId, out _);
}
