namespace Coolify.Core.Deployments;

/// <summary>
/// Live log lines for watchers in this process (the dashboard's deployment page subscribes by deployment id).
/// Lines are also stored, so a page opened later, or on another replica, reads them from the database.
/// </summary>
public sealed class DeploymentLogFeed
{
    public event Action<DeploymentLogLine>? LineWritten;

    public void Publish(DeploymentLogLine line) => LineWritten?.Invoke(line);
}
