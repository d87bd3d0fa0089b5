using Coolify.Core.Applications;
using Coolify.Core.Common;
using Coolify.Core.Servers;

namespace Coolify.Core.Deployments;

/// <summary>
/// A deployment request: the queue row itself (Coolify's <c>application_deployment_queues</c>). Workers claim a
/// row with a lease they renew; an expired lease means the worker died and the row can be taken over.
/// </summary>
public class Deployment : Entity, IConcurrencyStamped
{
    public int ApplicationId { get; set; }

    public Application? Application { get; set; }

    public int ServerId { get; set; }

    public Server? Server { get; set; }

    public int? DestinationId { get; set; }

    public string Status { get; set; } = DeploymentStatus.Queued;

    public string Commit { get; set; } = "HEAD";

    public string? CommitMessage { get; set; }

    public int PullRequestId { get; set; }

    public bool ForceRebuild { get; set; }

    public bool RestartOnly { get; set; }

    public bool Rollback { get; set; }

    public bool IsWebhook { get; set; }

    public bool IsApi { get; set; }

    public bool OnlyThisServer { get; set; }

    public string? GitType { get; set; }

    public string? DockerRegistryImageTag { get; set; }

    public string? ConfigurationHash { get; set; }

    public string? DeploymentUrl { get; set; }

    /// <summary>Identity of the worker holding the lease (host name and process).</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = PublicId.New();

    public List<DeploymentLogLine> LogLines { get; set; } = [];
}
