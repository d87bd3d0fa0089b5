using Coolify.Core.Teams;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>What the service pages show the same way in several places.</summary>
public static class ServiceText
{
    /// <summary>Whether the user may allow risky options: the rule ComposeServices enforces, so the box is offered only to those it accepts.</summary>
    public static bool CanAllowRisky(TeamAccess access) => access.Role >= TeamRole.Admin || access.IsInstanceAdmin;

    /// <summary>The badge colour of Coolify's status words (<c>running:healthy</c>, <c>exited</c>, ...).</summary>
    public static string StatusClass(string status) =>
        status.StartsWith("running", StringComparison.Ordinal) ? status.EndsWith("unhealthy", StringComparison.Ordinal) ? "warn" : "ok"
        : status.StartsWith("exited", StringComparison.Ordinal) ? "muted" : "bad";

    /// <summary>The domains of a compose service application, one each (its Fqdn holds them comma-separated).</summary>
    public static IReadOnlyList<string> Domains(string? fqdn) =>
        (fqdn ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
