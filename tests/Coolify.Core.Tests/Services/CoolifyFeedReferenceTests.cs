using Coolify.Core.Services.Catalog;

namespace Coolify.Core.Tests.Services;

/// <summary>Coolify's real feed (a copy kept beside the repository in shared/reference, never inside it) parses whole.</summary>
public sealed class CoolifyFeedReferenceTests
{
    private static string? ReferenceFeed()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Coolify.slnx")))
            {
                var feed = Path.Combine(directory.FullName, "..", "shared", "reference", "coolify-service-templates.json");
                return File.Exists(feed) ? feed : null;
            }
        }

        return null;
    }

    [Fact]
    public void Parse_CoolifysPublishedFeed_YieldsItsTemplates()
    {
        var path = ReferenceFeed();
        Assert.SkipWhen(path is null, "../shared/reference/coolify-service-templates.json is not beside the repository");

        var feed = ServiceTemplateFeedFormat.Parse(File.ReadAllText(path));

        Assert.True(feed.Templates.Count >= 300, $"only {feed.Templates.Count} templates; skipped: {string.Join(", ", feed.Skipped)}");
        Assert.All(feed.Templates, t => Assert.Contains("services", t.Compose, StringComparison.Ordinal));
        Assert.Contains(feed.Templates, t => t is { Name: "uptime-kuma", Port: 3001, Category: "monitoring" });
    }
}
