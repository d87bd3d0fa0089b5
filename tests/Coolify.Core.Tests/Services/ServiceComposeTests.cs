using Coolify.Core.Common;
using Coolify.Core.Services.Compose;
using static Coolify.Core.Tests.Services.ServiceComposeScenario;

namespace Coolify.Core.Tests.Services;

/// <summary>What a template-shaped compose file becomes: Coolify's magic variables, names, labels, volumes and networks.</summary>
public sealed class ServiceComposeTests
{
    private const string Ghost = """
        services:
          ghost:
            image: 'ghost:5'
            volumes:
              - 'ghost-content-data:/var/lib/ghost/content'
              - type: bind
                source: ./config.json
                target: /etc/ghost/config.json
                content: '{"a": "$$not-a-variable"}'
            environment:
              - SERVICE_URL_GHOST_2368
              - url=$SERVICE_URL_GHOST
              - database__connection__user=$SERVICE_USER_MYSQL
              - database__connection__password=$SERVICE_PASSWORD_MYSQL
              - 'database__connection__database=${MYSQL_DATABASE-ghost}'
              - 'mail__options__port=${MAIL_OPTIONS_PORT:-465}'
            depends_on:
              mysql:
                condition: service_healthy
          mysql:
            image: 'mysql:8.0'
            volumes:
              - 'ghost-mysql-data:/var/lib/mysql'
            environment:
              - 'MYSQL_USER=${SERVICE_USER_MYSQL}'
              - 'MYSQL_PASSWORD=${SERVICE_PASSWORD_MYSQL}'
              - 'MYSQL_ROOT_PASSWORD=${SERVICE_PASSWORD_64_MYSQLROOT}'
            healthcheck:
              test: [CMD, mysqladmin, ping, -h, 127.0.0.1]
              retries: 10
        """;

    [Fact]
    public void Render_TemplateShaped_DomainsPasswordsAndNamesAsCoolify()
    {
        var (plan, rendered) = Run(Ghost);

        Assert.Equal($"http://ghost-{Uuid}.1.2.3.4.sslip.io:2368", plan.Domains["ghost"]);
        Assert.False(plan.Domains.ContainsKey("mysql"));
        var ghost = Environment(rendered, "ghost");
        var mysql = Environment(rendered, "mysql");
        Assert.Equal($"http://ghost-{Uuid}.1.2.3.4.sslip.io", ghost.Text("url"));
        Assert.Equal($"http://ghost-{Uuid}.1.2.3.4.sslip.io:2368", ghost.Text("SERVICE_URL_GHOST_2368"));
        Assert.Matches("^[A-Za-z0-9]{32}$", mysql.Text("MYSQL_PASSWORD"));
        Assert.Equal(mysql.Text("MYSQL_PASSWORD"), ghost.Text("database__connection__password"));
        Assert.Matches("^[A-Za-z0-9]{16}$", ghost.Text("database__connection__user"));
        Assert.Matches("^[A-Za-z0-9]{64}$", mysql.Text("MYSQL_ROOT_PASSWORD"));
        Assert.Equal("ghost", ghost.Text("database__connection__database"));
        Assert.Equal("465", ghost.Text("mail__options__port"));
        Assert.Equal("ghost", mysql.Text("SERVICE_NAME_GHOST"));

        var service = Service(rendered, "ghost");
        Assert.Equal($"ghost-{Uuid}", service.Text("container_name"));
        Assert.Equal("unless-stopped", service.Text("restart"));
        Assert.Equal(Uuid, ((ComposeMap)service["labels"]!).Text("coolify.resource"));
        Assert.Equal("database", ((ComposeMap)Service(rendered, "mysql")["labels"]!).Text("coolify.service.subType"));
        Assert.Contains(Uuid, ((ComposeMap)service["networks"]!).Keys);
        Assert.Equal($"{Uuid}_ghost-content-data:/var/lib/ghost/content", ((ComposeList)service["volumes"]!).Items.OfType<ComposeScalar>().Single().Value);
        Assert.Equal("{\"a\": \"$$not-a-variable\"}", Assert.Single(rendered.Files).Content);
        Assert.Contains($"{Uuid}_ghost-mysql-data", ((ComposeMap)rendered.Document["volumes"]!).Keys);
    }

    [Fact]
    public void Plan_SecondTime_KeepsEveryGeneratedValue()
    {
        var (first, _) = Run(Ghost);
        var (second, rendered) = Run(Ghost, first.Values.ToDictionary(v => v.Key, v => (string?)v.Value), fqdns: first.Domains.ToDictionary(d => d.Key, d => (string?)d.Value));

        Assert.Empty(second.Created);
        Assert.Empty(second.Refreshed);
        Assert.Equal(first.Values["SERVICE_PASSWORD_MYSQL"], Environment(rendered, "mysql").Text("MYSQL_PASSWORD"));
    }

    [Fact]
    public void Render_DollarInValues_ReachesContainerAsTyped()
    {
        var (plan, rendered) = Run(Ghost);
        var existing = plan.Values.ToDictionary(v => v.Key, v => (string?)v.Value);
        existing["MYSQL_DATABASE"] = "we$ird'\"db";

        var (_, again) = Run(Ghost, existing);

        Assert.Contains("we$$ird'\\\"db", again.Yaml);
        Assert.Equal("we$$ird'\"db", Environment(again, "ghost").Text("database__connection__database"));
    }

    [Theory]
    [InlineData("services:\n  'a;rm -rf /':\n    image: x", "not a valid service name")]
    [InlineData("services:\n  a:\n    image: x\n    privileged: true", "privileged")]
    [InlineData("services:\n  a:\n    image: x\n    volumes: ['/:/host']", "whole host file system")]
    [InlineData("services:\n  a:\n    image: x\n    volumes: ['/var/run/docker.sock:/var/run/docker.sock']", "Docker socket")]
    [InlineData("services:\n  a:\n    image: x\n    network_mode: host", "network_mode")]
    [InlineData("services:\n  a:\n    image: x\n    devices: ['/dev/sda:/dev/sda']", "devices")]
    [InlineData("services:\n  a:\n    image: x\n    volumes: ['../../etc:/etc2']", "leaves the resource's folder")]
    [InlineData("services:\n  a:\n    image: x\n    env_file: /etc/shadow", "env_file")]
    [InlineData("services:\n  a:\n    image: x\n    volumes: ['${DATA:-/}:/host']", "whole host file system")]
    [InlineData("services:\n  a:\n    image: x\n    environment: ['A=${REQUIRED:?set it}']", "REQUIRED: set it")]
    [InlineData("services:\n  a:\n    image: x\n    volumes: ['bad$$name:/x']", "not a valid volume name")]
    public void Render_Hostile_RefusedWithMessage(string yaml, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => Run(yaml, new Dictionary<string, string?> { ["REQUIRED"] = "" }));
        Assert.Contains(expected, string.Join(" ", error.Errors[ComposeYamlReader.Field]));
    }

    [Fact]
    public void Render_RiskyOptionsAllowed_Kept()
    {
        var (_, rendered) = Run("services:\n  a:\n    image: x\n    privileged: true\n    volumes: ['/var/run/docker.sock:/var/run/docker.sock']", allowRisky: true);

        Assert.Equal("true", Service(rendered, "a").Text("privileged"));
        Assert.Equal("/var/run/docker.sock:/var/run/docker.sock", ((ComposeList)Service(rendered, "a")["volumes"]!).Items.OfType<ComposeScalar>().Single().Value);
    }
}
