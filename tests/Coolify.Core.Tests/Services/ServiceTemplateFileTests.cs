using Coolify.Core.Services.Catalog;

namespace Coolify.Core.Tests.Services;

public sealed class ServiceTemplateFileTests
{
    [Fact]
    public void Parse_HeaderComments_AsCoolifysGenerator()
    {
        const string content = """
            # documentation: https://example.com/docs
            # slogan: Says hello: politely.
            # category: development
            # tags: Hello, example,,web
            # port: 8080
            # minversion: 4.0.0-beta.300

            services:
              hello:
                image: httpd:2.4-alpine
            """;

        var template = ServiceTemplateFile.Parse("hello", content);

        Assert.Equal("https://example.com/docs", template.Documentation);
        Assert.Equal("Says hello: politely.", template.Slogan);
        Assert.Equal("development", template.Category);
        Assert.Equal(["hello", "example", "web"], template.Tags);
        Assert.Equal(8080, template.Port);
        Assert.Equal("4.0.0-beta.300", template.MinVersion);
        Assert.Null(template.Logo);
        Assert.Equal("services:\n  hello:\n    image: httpd:2.4-alpine", template.Compose);
    }

    [Theory]
    [InlineData("ok", "# slogan: only a header\n\n")]
    [InlineData("bad/name", "services: {}")]
    public void Parse_WithoutComposeOrWithABadName_IsAFormatException(string name, string content) =>
        Assert.Throws<FormatException>(() => ServiceTemplateFile.Parse(name, content));
}
