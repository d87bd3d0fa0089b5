namespace Coolify.Core.Deployments;

/// <summary>
/// Live log lines for watchers in this process (the dashboard's deployment page subscribes by deployment id).
/// Lines are also stored, so a page opened later, or on another replica, reads them from the database.
/// </summary>
public sealed class DeploymentLogFeed
{
    public event Action<DeploymentLogLine>? LineWritten;

    /// <summary>A deployment's status changed (claimed, finished, failed, cancelled): deployment id and new status.</summary>
    public event Action<int, string>? StatusChanged;

    public void Publish(DeploymentLogLine line) => LineWritten?.Invoke(line);

    public void PublishStatus(int deploymentId, string status) => StatusChanged?.Invoke(deploymentId, status);
}
