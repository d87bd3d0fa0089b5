namespace Coolify.Core.Services.Compose;

/// <summary>
/// What a compose file is rendered with: the resource's uuid (project, network and container names), its folder on
/// the server, its variables (stored values; literal ones are not read for references), the compose services we
/// know, whether a team admin allowed risky options.
/// </summary>
public sealed record ComposeRenderContext(
    string Uuid, string Folder, IReadOnlyDictionary<string, string> Variables, IReadOnlySet<string> LiteralVariables,
    IReadOnlyDictionary<string, ComposeMember> Members, bool AllowRiskyOptions, string ResourceType = "service")
{
    /// <summary>The services rolled out start-first (<see cref="ComposeRollout"/>): Compose names their containers, so two can run at once.</summary>
    public IReadOnlySet<string> Rollable { get; init; } = new HashSet<string>();

    /// <summary>Where relative build contexts are (a dockercompose application's checkout), and the tag its built images get; null: no builds.</summary>
    public (string Folder, string Tag)? Builds { get; init; }

    /// <summary>
    /// With <see cref="AllowRiskyOptions"/>: the risks a team admin approved (<see cref="ComposeRisk.ToString"/>); others
    /// are refused, so a later edit by someone else cannot add one. Null: every risk (an admin is approving now).
    /// </summary>
    public IReadOnlySet<string>? ApprovedRisks { get; init; }

    /// <summary>Labels are taken as written, <c>$</c> and all (Coolify's <c>is_container_label_escape_enabled</c>, on by default: a bcrypt hash in a label stays whole).</summary>
    public bool LiteralLabels { get; init; } = true;
}
