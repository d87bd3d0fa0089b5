namespace Coolify.Core.Deployments;

/// <summary>One persisted line of a deployment's log, in order of <see cref="Sequence"/>.</summary>
public class DeploymentLogLine
{
    public long Id { get; set; }

    public int DeploymentId { get; set; }

    public int Sequence { get; set; }

    public DateTime Timestamp { get; set; }

    /// <summary><c>stdout</c>, <c>stderr</c> or <c>info</c> (a step announced by the engine).</summary>
    public string Type { get; set; } = "stdout";

    public required string Output { get; set; }

    /// <summary>Debug lines shown only when the user asks for them (Coolify's "hidden").</summary>
    public bool Hidden { get; set; }
}
