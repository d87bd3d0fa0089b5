namespace Coolify.Core.Audit;

/// <summary>A security-relevant event: who did what, when, from where. Append-only.</summary>
public class AuditEvent
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Dotted name, e.g. <c>login.failed</c>, <c>token.created</c>, <c>team.role_changed</c>.</summary>
    public required string Action { get; set; }

    public int? UserId { get; set; }

    public int? TeamId { get; set; }

    /// <summary>What the action was about (an e-mail, a token name, a member), for people reading the log.</summary>
    public string? Target { get; set; }

    public string? IpAddress { get; set; }
}
