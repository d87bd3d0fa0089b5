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
    [InlineData("services:\n  a:\n    image: x\n    volumes: ['x:/x']\nvolumes:\n  x:\n    driver_opts: {type: none, o: bind, device: /}", "volumes.driver_opts")]
    [InlineData("services:\n  a:\n    image: x\n    volumes_from: ['container:coolify-proxy']", "volumes_from")]
    [InlineData("services:\n  a:\n    image: x\n    network_mode: coolify", "network_mode")]
    [InlineData("services:\n  a:\n    image: x\n    gpus: all", "services.a.gpus: an option not checked here")]
    [InlineData("services:\n  a:\n    image: x\n    labels: ['traefik.http.routers.x.rule=Host(`other.example`)']", "instructs the proxy")]
    [InlineData("services:\n  a:\n    image: x\nsecrets:\n  s:\n    environment: HOME", "control plane's environment")]
    [InlineData("services:\n  a:\n    image: x\n    build: {context: ., additional_contexts: {h: /}}", "build.additional_contexts")]
    public void Render_Hostile_RefusedWithMessage(string yaml, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => Run(yaml, new Dictionary<string, string?> { ["REQUIRED"] = "" }));
        Assert.Contains(expected, string.Join(" ", error.Errors[ComposeYamlReader.Field]));
    }

    [Fact]
    public void Render_AfterAnAdminAllowedSomeRisks_ANewRiskIsRefused()
    {
        var (_, allowed) = Run("services:\n  a:\n    image: x\n    privileged: true", allowRisky: true);

        var error = Assert.Throws<ValidationException>(() => Run(
            "services:\n  a:\n    image: x\n    privileged: true\n    volumes: ['/:/host']", allowRisky: true, approved: allowed.Risks));

        Assert.Contains("not among those a team admin allowed", error.Message);
        Assert.Contains("/: the whole host file system", error.Message);
        Assert.DoesNotContain("privileged", error.Message);
    }

    [Fact]
    public void Render_LabelsWithDollars_StayAsWrittenAndValuesFilledInQuoted()
    {
        var (_, rendered) = Run("services:\n  a:\n    image: x\n    user: ${UID:-1000}\n    entrypoint: ${EMPTY:-}\n    tty: ${TTY:-yes}\n    labels: ['auth=u:$2y$05$abc']\n    environment: {content: '${SECRET_CONTENT:-x}'}");

        var service = Service(rendered, "a");
        Assert.Equal("u:$$2y$$05$$abc", ((ComposeMap)service["labels"]!).Text("auth"));
        Assert.False(((ComposeScalar)service["user"]!).Quoted);
        Assert.True(((ComposeScalar)service["entrypoint"]!).Quoted);
        Assert.True(((ComposeScalar)service["tty"]!).Quoted);
        Assert.Equal("x", ((ComposeMap)service["environment"]!).Text("content"));
    }

    [Fact]
    public void Render_ChainOfReferences_ResolvedQuickly()
    {
        var existing = new Dictionary<string, string?>();
        for (var i = 0; i < 8; i++)
        {
            existing[$"V{i}"] = string.Concat(Enumerable.Repeat($"${{V{i + 1}}}", 12));
        }

        existing["V8"] = "z";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (_, rendered) = Run("services:\n  a:\n    image: x\n    environment: ['A=${V0}']", existing);

        // 12^8 z's would be 430 MB: the values that grow past 1 MB stay as written, and it is quick.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(Environment(rendered, "a").Text("A")!.Length <= 1024 * 1024);
    }

    [Fact]
    public void Render_RiskyOptionsAllowed_Kept()
    {
        var (_, rendered) = Run("services:\n  a:\n    image: x\n    privileged: true\n    volumes: ['/var/run/docker.sock:/var/run/docker.sock']", allowRisky: true);

        Assert.Equal("true", Service(rendered, "a").Text("privileged"));
        Assert.Equal("/var/run/docker.sock:/var/run/docker.sock", ((ComposeList)Service(rendered, "a")["volumes"]!).Items.OfType<ComposeScalar>().Single().Value);
    }
}
