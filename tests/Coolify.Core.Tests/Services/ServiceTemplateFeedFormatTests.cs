using System.Text;
using System.Text.Json;
using Coolify.Core.Services.Catalog;

namespace Coolify.Core.Tests.Services;

/// <summary>Coolify's template feed as it arrives from a third party: whole, partial, or partly broken.</summary>
public sealed class ServiceTemplateFeedFormatTests
{
    private const string Compose = "services:\n  whoami:\n    image: traefik/whoami\n";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Feed(object entries) => JsonSerializer.Serialize(entries);

    [Fact]
    public void Parse_CoolifysEntry_ReadsEveryField()
    {
        var json = Feed(new Dictionary<string, object>
        {
            ["uptime-kuma"] = new
            {
                documentation = "https://github.com/louislam/uptime-kuma?utm_source=coolify.io",
                slogan = "Monitoring.",
                compose = Base64(Compose),
                tags = new[] { "monitoring", "Status " },
                category = "monitoring",
                logo = "svgs/uptime-kuma.svg",
                minversion = "0.0.0",
                template_last_updated_at = "2026-01-08T21:10:17+01:00",
                port = "3001",
            },
        });

        var template = Assert.Single(ServiceTemplateFeedFormat.Parse(json).Templates);

        Assert.Equal("uptime-kuma", template.Name);
        Assert.Equal("https://github.com/louislam/uptime-kuma?utm_source=coolify.io", template.Documentation);
        Assert.Equal("Monitoring.", template.Slogan);
        Assert.Equal(["monitoring", "status"], template.Tags);
        Assert.Equal("monitoring", template.Category);
        Assert.Equal("svgs/uptime-kuma.svg", template.Logo);
        Assert.Equal("0.0.0", template.MinVersion);
        Assert.Equal(3001, template.Port);
        Assert.Equal(Compose, template.Compose);
        Assert.Equal(new DateTimeOffset(2026, 1, 8, 21, 10, 17, TimeSpan.FromHours(1)), template.TemplateLastUpdatedAt);
    }

    [Fact]
    public void Parse_EntryWithOnlyACompose_GetsDefaults_AndUnknownFieldsAreIgnored()
    {
        var json = Feed(new Dictionary<string, object> { ["bare"] = new { compose = Base64(Compose), amd_only = true, envs = Base64("A=1") } });

        var template = Assert.Single(ServiceTemplateFeedFormat.Parse(json).Templates);

        Assert.Equal(new ServiceTemplate("bare", null, null, [], null, null, "0.0.0", null, Compose), template with { Tags = [] });
        Assert.Empty(template.Tags);
    }

    [Fact]
    public void Parse_BadEntries_AreSkipped_AndTheGoodOnesKept()
    {
        var json = $$"""
            {
              "good": { "compose": "{{Base64(Compose)}}", "port": 8080, "tags": null },
              "not-base64": { "compose": "this is not base64!" },
              "not-utf8": { "compose": "{{Convert.ToBase64String([0xC3, 0x28, 0xFF])}}" },
              "empty": { "compose": "" },
              "no-compose": { "slogan": "nothing to run" },
              "not-an-object": "compose",
              "../escape": { "compose": "{{Base64(Compose)}}" },
              "GOOD": { "compose": "{{Base64(Compose)}}" }
            }
            """;

        var feed = ServiceTemplateFeedFormat.Parse(json);

        var good = Assert.Single(feed.Templates);
        Assert.Equal("good", good.Name);
        Assert.Equal(8080, good.Port);
        Assert.Equal(["not-base64", "not-utf8", "empty", "no-compose", "not-an-object", "../escape", "GOOD"], feed.Skipped);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "svgs/x.svg", null, "svgs/x.svg")]
    [InlineData("https://example.com/docs", "../../etc/passwd", "https://example.com/docs", null)]
    [InlineData("ftp://example.com", "data:image/svg+xml,<svg/>", null, null)]
    [InlineData("not a url", "https://cdn.example.com/logo.png", null, "https://cdn.example.com/logo.png")]
    public void Parse_LinksFromTheFeed_AreOnlyWebAddressesOrPlainPaths(string documentation, string logo, string? expectedDocumentation, string? expectedLogo)
    {
        var json = Feed(new Dictionary<string, object> { ["x"] = new { compose = Base64(Compose), documentation, logo } });

        var template = Assert.Single(ServiceTemplateFeedFormat.Parse(json).Templates);

        Assert.Equal(expectedDocumentation, template.Documentation);
        Assert.Equal(expectedLogo, template.Logo);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("[]")]
    [InlineData("\"templates\"")]
    public void Parse_ADocumentThatIsNotAnObjectOfTemplates_IsAFormatException(string json) =>
        Assert.Throws<FormatException>(() => ServiceTemplateFeedFormat.Parse(json));

    [Theory]
    [InlineData("monitoring", new[] { "monitoring" })]
    [InlineData("Mail, networking", new[] { "mail", "networking" })]
    [InlineData(null, new string[0])]
    public void Categories_SplitAndLowerCased(string? category, string[] expected) =>
        Assert.Equal(expected, new ServiceTemplate("x", null, null, [], category, null, "0.0.0", null, Compose).Categories);

    [Theory]
    [InlineData("KUMA", true)]
    [InlineData("status page", true)]
    [InlineData("uptime", true)]
    [InlineData("wordpress", false)]
    [InlineData("  ", true)]
    public void Matches_LooksAtNameSloganAndTags(string text, bool expected) =>
        Assert.Equal(expected, new ServiceTemplate("uptime-kuma", null, "A status page.", ["monitoring"], null, null, "0.0.0", null, Compose).Matches(text));
}
