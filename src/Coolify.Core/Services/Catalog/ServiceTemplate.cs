namespace Coolify.Core.Services.Catalog;

/// <summary>
/// One entry of the one-click service catalog, as Coolify's template feed describes it: a Docker Compose file
/// with Coolify's magic variables (<c>SERVICE_URL_*</c>, <c>SERVICE_PASSWORD_*</c>, ...) and what the dashboard
/// shows about it.
/// </summary>
/// <param name="Name">The catalog key (<c>uptime-kuma</c>): unique, safe in a URL path.</param>
/// <param name="Documentation">An absolute http(s) address, or null.</param>
/// <param name="Category">Coolify's category; a few feed entries name several, separated by commas.</param>
/// <param name="Logo">A path under Coolify's <c>public/</c> folder (<c>svgs/ghost.svg</c>) or an absolute http(s) address.</param>
/// <param name="Port">The port of the main service, where the template says.</param>
/// <param name="Compose">The Docker Compose YAML, decoded.</param>
public sealed record ServiceTemplate(
    string Name,
    string? Documentation,
    string? Slogan,
    IReadOnlyList<string> Tags,
    string? Category,
    string? Logo,
    string MinVersion,
    int? Port,
    string Compose,
    DateTimeOffset? TemplateLastUpdatedAt = null)
{
    /// <summary>The categories, lower-cased and split where the feed lists several.</summary>
    public IReadOnlyList<string> Categories =>
        Category is null ? [] : [.. Category.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant())];

    /// <summary>Whether the name, slogan or a tag contains <paramref name="text"/>, ignoring case.</summary>
    public bool Matches(string text) =>
        string.IsNullOrWhiteSpace(text)
        || Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)
        || (Slogan?.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
        || Tags.Any(t => t.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
}
