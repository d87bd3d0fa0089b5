namespace Coolify.Core.Services.Compose;

/// <summary>
/// Which compose services can be rolled out start-first: a health check says when the new one is ready, no fixed
/// container name or host port keeps two from running side by side, and it is not a database (two servers on one
/// data volume would corrupt it). The others are recreated in place.
/// </summary>
public static class ComposeRollout
{
    public static IReadOnlySet<string> Rollable(ComposeMap document, IReadOnlySet<string> databases)
    {
        var rollable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, node) in (document["services"] as ComposeMap)?.Entries ?? [])
        {
            if (node is ComposeMap service && !databases.Contains(name) && HasHealthCheck(service)
                && service["container_name"] is null && service["ports"] is null && service["network_mode"] is null
                && service["scale"] is null && (service["deploy"] as ComposeMap)?["replicas"] is null)
            {
                rollable.Add(name);
            }
        }

        return rollable;
    }

    private static bool HasHealthCheck(ComposeMap service) =>
        service["healthcheck"] is ComposeMap check
        && !(check.Text("disable") is { } disable && ComposeValues.IsTrue(disable))
        && ComposeValues.Strings(check["test"]).FirstOrDefault() is { } first && first != "NONE";
}
