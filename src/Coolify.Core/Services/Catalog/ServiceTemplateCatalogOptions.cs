namespace Coolify.Core.Services.Catalog;

/// <summary>Where the catalog comes from and how often it is fetched again.</summary>
/// <param name="FeedUrl">Coolify's feed by default; null: built-in templates and the cached copy only.</param>
/// <param name="CacheFile">The last good download (<c>&lt;data&gt;/service-templates.json</c>).</param>
public sealed record ServiceTemplateCatalogOptions(Uri? FeedUrl, string CacheFile)
{
    /// <summary>Coolify's own feed (its <c>config/constants.php</c>, <c>services.official</c>).</summary>
    public static readonly Uri CoolifyFeed = new("https://cdn.coollabs.io/coolify/service-templates-latest.json");

    /// <summary>How long a good download is kept before the next one.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How long after a failed download the next is tried.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a caller waits for a download when there is nothing but the built-in templates yet.</summary>
    public TimeSpan FirstLoadWait { get; init; } = TimeSpan.FromSeconds(2);
}
