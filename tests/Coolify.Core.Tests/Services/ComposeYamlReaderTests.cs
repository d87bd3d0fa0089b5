using System.Text;
using Coolify.Core.Common;
using Coolify.Core.Services.Compose;

namespace Coolify.Core.Tests.Services;

/// <summary>Reading compose files: what is kept, what is expanded, and the hostile files that are refused.</summary>
public sealed class ComposeYamlReaderTests
{
    [Fact]
    public void Read_AnchorsAndMergeKeys_ExpandedAsCompose()
    {
        var document = ComposeYamlReader.Read("""
            x-common: &common
              restart: always
              environment:
                A: "1"
            services:
              web:
                <<: *common
                image: nginx
                restart: "no"
              worker:
                <<: *common
                image: worker
            """);

        var services = document.Get<ComposeMap>("services")!;
        var web = services.Get<ComposeMap>("web")!;
        var worker = services.Get<ComposeMap>("worker")!;
        Assert.Equal("no", web.Text("restart"));
        Assert.Equal("always", worker.Text("restart"));
        Assert.False(web.ContainsKey("<<"));
        // Each service has its own copy: a change to one does not show in the other.
        web.Get<ComposeMap>("environment")!["A"] = ComposeScalar.Text("2");
        Assert.Equal("1", worker.Get<ComposeMap>("environment")!.Text("A"));
    }

    [Fact]
    public void Write_PlainAndQuotedScalars_KeepTheirMeaning()
    {
        var text = ComposeYamlWriter.Write(ComposeYamlReader.Read("""
            services:
              app:
                image: 'nginx:1'
                healthcheck:
                  retries: 10
                environment:
                  FLAG: "true"
                  PORT: '8080'
                x-unknown: {kept: yes}
            """));

        var again = ComposeYamlReader.Read(text).Get<ComposeMap>("services")!.Get<ComposeMap>("app")!;
        Assert.False(((ComposeScalar)again.Get<ComposeMap>("healthcheck")!["retries"]!).Quoted);
        Assert.True(((ComposeScalar)again.Get<ComposeMap>("environment")!["FLAG"]!).Quoted);
        Assert.Equal("8080", again.Get<ComposeMap>("environment")!.Text("PORT"));
        Assert.Equal("yes", again.Get<ComposeMap>("x-unknown")!.Text("kept"));
    }

    [Fact]
    public void Read_BillionLaughs_RefusedWithMessage()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(',', Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        yaml.Append("services:\n  app:\n    image: x\n    command: *a9\n");
        var error = Assert.Throws<ValidationException>(() => ComposeYamlReader.Read(yaml.ToString()));
        Assert.Contains("expands to more than", error.Errors[ComposeYamlReader.Field][0]);
    }

    [Fact]
    public void Read_TenMegabytes_RefusedBeforeParsing()
    {
        var yaml = "services:\n  app:\n    image: x\n    labels:\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"      l{i}: \"{i}\"\n"));
        Assert.True(yaml.Length > 1024 * 1024);
        var error = Assert.Throws<ValidationException>(() => ComposeYamlReader.Read(yaml + new string('#', 10 * 1024 * 1024)));
        Assert.Contains("larger than", error.Message);
    }

    [Fact]
    public void Read_DeepNesting_RefusedWithoutStackOverflow()
    {
        var yaml = "services: " + new string('[', 100_000) + new string(']', 100_000);
        var error = Assert.Throws<ValidationException>(() => ComposeYamlReader.Read(yaml));
        Assert.Contains("nests deeper", error.Message);
    }

    [Theory]
    [InlineData("services: [a, b]\n: x: y", "not valid YAML")]
    [InlineData("- a\n- b", "must be a YAML mapping")]
    [InlineData("services: {}\n---\nservices: {}", "one YAML document")]
    [InlineData("services:\n  a: {image: x}\n  a: {image: y}", "repeats the key")]
    [InlineData("services:\n  a: *missing", "before its anchor")]
    public void Read_Malformed_RefusedWithMessage(string yaml, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => ComposeYamlReader.Read(yaml));
        Assert.Contains(expected, error.Message);
    }
}
