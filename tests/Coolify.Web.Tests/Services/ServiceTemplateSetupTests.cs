using Coolify.Core.Common;
using Coolify.Core.Services.Catalog;
using Coolify.Web.Components.Pages.Services;
using Coolify.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Services;

/// <summary>The operator's catalog settings, read as the host reads them at start-up.</summary>
public sealed class ServiceTemplateSetupTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new ServiceCollection().AddServiceTemplates(configuration, "/var/lib/coolify").BuildServiceProvider();
    }

    [Fact]
    public void AddServiceTemplates_Unset_UsesCoolifysFeedAndLogos_AndCachesInTheDataDirectory()
    {
        using var services = Services();

        var options = services.GetRequiredService<ServiceTemplateCatalogOptions>();
        Assert.Equal("https://cdn.coollabs.io/coolify/service-templates-latest.json", options.FeedUrl?.ToString());
        Assert.Equal("/var/lib/coolify/service-templates.json", options.CacheFile);
        Assert.Equal("https://raw.githubusercontent.com/coollabsio/coolify/refs/heads/main/public/", services.GetRequiredService<ServiceLogos>().BaseUrl?.ToString());
    }

    [Fact]
    public void AddServiceTemplates_Off_TurnsDownloadsAndLogosOff()
    {
        using var services = Services((ServiceTemplateSetup.FeedVariable, "off"), (ServiceTemplateSetup.LogosVariable, "OFF"));

        Assert.Null(services.GetRequiredService<ServiceTemplateCatalogOptions>().FeedUrl);
        Assert.Null(services.GetRequiredService<ServiceLogos>().BaseUrl);
    }

    [Fact]
    public void AddServiceTemplates_LogoFolderWithoutSlash_StillResolvesPathsInsideIt()
    {
        using var services = Services((ServiceTemplateSetup.LogosVariable, "https://logos.example.com/coolify/public"));
        var template = BuiltInServiceTemplates.All.Single(t => t.Name == "ghost");

        Assert.Equal("https://logos.example.com/coolify/public/svgs/ghost.svg", services.GetRequiredService<ServiceLogos>().For(template));
    }

    [Theory]
    [InlineData(ServiceTemplateSetup.FeedVariable, "ftp://mirror.example.com/templates.json")]
    [InlineData(ServiceTemplateSetup.FeedVariable, "templates.json")]
    [InlineData(ServiceTemplateSetup.LogosVariable, "javascript:alert(1)")]
    public void AddServiceTemplates_NotAnHttpAddress_StopsTheStart(string variable, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => Services((variable, value)));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svgs/ghost.svg", "https://logos.example.com/svgs/ghost.svg")]
    [InlineData("svg/opnform.svg", "https://logos.example.com/svgs/opnform.svg")]
    [InlineData("https://cdn.example.com/x.png", "https://cdn.example.com/x.png")]
    [InlineData("svgs/default.webp", null)]
    [InlineData(null, null)]
    public void For_ResolvesCoolifysLogoPaths(string? logo, string? expected) =>
        Assert.Equal(expected, new ServiceLogos(new Uri("https://logos.example.com/")).For(
            new ServiceTemplate("x", null, null, [], null, logo, "0.0.0", null, "services: {}")));
}
