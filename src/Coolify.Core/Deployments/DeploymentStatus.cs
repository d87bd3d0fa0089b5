namespace Coolify.Core.Deployments;

/// <summary>Lifecycle of a queued deployment; the names are Coolify's API values.</summary>
public static class DeploymentStatus
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Finished = "finished";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled-by-user";

    public static bool IsTerminal(string status) => status is Finished or Failed or Cancelled;
}
