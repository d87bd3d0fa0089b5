using Coolify.Core.Services.Catalog;
using YamlDotNet.RepresentationModel;

namespace Coolify.Core.Tests.Services;

/// <summary>The templates shipped in the product: the catalog when nothing else is there.</summary>
public sealed class BuiltInServiceTemplatesTests
{
    public static TheoryData<string> Names() => [.. BuiltInServiceTemplates.All.Select(t => t.Name)];

    private static ServiceTemplate Template(string name) => BuiltInServiceTemplates.All.Single(t => t.Name == name);

    private static YamlMappingNode Services(ServiceTemplate template)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(template.Compose));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    [Fact]
    public void All_HasTheShippedTemplates()
    {
        Assert.Equal(["ghost", "hello-web", "n8n-with-postgresql", "uptime-kuma", "vaultwarden"], BuiltInServiceTemplates.All.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Template_HasAComposeFileWithServices_EachHealthChecked(string name)
    {
        var services = Services(Template(name));

        Assert.NotEmpty(services.Children);
        Assert.All(services.Children, s => Assert.True(((YamlMappingNode)s.Value).Children.ContainsKey("healthcheck"), $"{name}: {s.Key} has no health check"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Template_DescribesItself_AndUsesCoolifysMagicVariables(string name)
    {
        var template = Template(name);

        Assert.NotNull(template.Slogan);
        Assert.NotNull(template.Category);
        Assert.NotNull(template.Documentation);
        Assert.NotEmpty(template.Tags);
        Assert.Contains("SERVICE_URL_", template.Compose, StringComparison.Ordinal);
        Assert.DoesNotContain("# slogan:", template.Compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Ghost_ReadsItsHeader_AndGetsGeneratedCredentials()
    {
        var ghost = Template("ghost");

        Assert.Equal("cms", ghost.Category);
        Assert.Equal("svgs/ghost.svg", ghost.Logo);
        Assert.Equal(2368, ghost.Port);
        Assert.Equal(["ghost", "mysql"], Services(ghost).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Contains("${SERVICE_PASSWORD_MYSQL}", ghost.Compose, StringComparison.Ordinal);
        Assert.StartsWith("services:", ghost.Compose, StringComparison.Ordinal);
    }

    [Fact]
    public void HelloWeb_HasNoLogo_SoTheDashboardShowsTheNeutralIcon() => Assert.Null(Template("hello-web").Logo);
}
