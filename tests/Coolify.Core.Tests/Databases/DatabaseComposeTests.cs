using Coolify.Core.Databases;
using Coolify.Core.Storages;
using YamlDotNet.RepresentationModel;

namespace Coolify.Core.Tests.Databases;

/// <summary>The Compose file each engine's database becomes, read back as YAML: what Docker will be given.</summary>
public sealed class DatabaseComposeTests
{
    private static StandaloneDatabase Database(string engine, Action<StandaloneDatabase>? change = null)
    {
        var kind = DatabaseEngine.Find(engine)!;
        var database = new StandaloneDatabase
        {
            Engine = engine, Name = "db", Image = kind.DefaultImage, User = kind.DefaultUser ?? "u", DatabaseName = kind.DefaultDatabaseName ?? "d",
            Password = "secret", RootPassword = kind.HasRootPassword ? "rootsecret" : null,
        };
        change?.Invoke(database);
        return database;
    }

    private static YamlMappingNode Service(StandaloneDatabase database, DatabaseCustomizations? custom = null) =>
        (YamlMappingNode)((YamlMappingNode)Document(database, custom)["services"])[database.Uuid];

    private static YamlMappingNode Document(StandaloneDatabase database, DatabaseCustomizations? custom = null)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(DatabaseCompose.Render(database, "coolify", custom)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Value(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static IReadOnlyList<string> List(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node[key]).Children.Select(c => ((YamlScalarNode)c).Value!)];

    [Theory]
    [InlineData("postgresql")]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    [InlineData("mongodb")]
    [InlineData("redis")]
    [InlineData("keydb")]
    [InlineData("dragonfly")]
    [InlineData("clickhouse")]
    public void EveryEngine_HasAnExecFormHealthCheck_WithNoSecretInIt_AndItsDataInNamedVolumes(string engine)
    {
        var database = Database(engine);
        var service = Service(database);

        var test = List((YamlMappingNode)service["healthcheck"], "test");
        Assert.Equal("CMD", test[0]);
        Assert.DoesNotContain(test, t => t.Contains("secret", StringComparison.Ordinal));
        Assert.Equal(database.Uuid, ((YamlScalarNode)service["container_name"]).Value);
        Assert.All(List(service, "volumes"), v => Assert.Contains(database.Uuid, v, StringComparison.Ordinal));
        Assert.Equal(database.Uuid, ((YamlScalarNode)((YamlMappingNode)service["labels"])["coolify.resource"]).Value);
        if (service.Children.ContainsKey("command"))
        {
            Assert.DoesNotContain(List(service, "command"), c => c.Contains("secret", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Values_ReachTheContainerAsThemselves_DollarSignsEscapedForCompose()
    {
        var database = Database("postgresql", d => d.Password = "a$HOME'b\"c;`d`");
        var environment = (YamlMappingNode)Service(database)["environment"];

        // Compose turns $$ back into $: the container sees the password as typed.
        Assert.Equal("a$$HOME'b\"c;`d`", ((YamlScalarNode)environment["POSTGRES_PASSWORD"]).Value);
    }

    [Fact]
    public void PublicPortAndLimits_AreSetOnlyWhenAsked()
    {
        var closed = Service(Database("redis"));
        Assert.False(closed.Children.ContainsKey("ports"));
        Assert.False(closed.Children.ContainsKey("mem_limit"));

        var open = Service(Database("redis", d => (d.IsPublic, d.PublicPort, d.LimitsMemory, d.LimitsCpus) = (true, 16379, "512m", "1.5")));
        Assert.Equal(["16379:6379"], List(open, "ports"));
        Assert.Equal("512m", ((YamlScalarNode)open["mem_limit"]).Value);
        Assert.Equal("1.5", ((YamlScalarNode)open["cpus"]).Value);
    }

    [Fact]
    public void RedisPassword_IsInItsConfigurationFile_QuotedForRedis_AndTheUsersLinesFollow()
    {
        var database = Database("redis", d => (d.Password, d.Configuration) = ("a\"b\\c d", "maxmemory 100mb"));
        var (path, content) = Assert.Single(DatabaseEngine.Of(database).Files(database));

        Assert.Equal("/usr/local/etc/redis/redis.conf", path);
        Assert.Contains("requirepass \"a\\\"b\\\\c d\"\n", content, StringComparison.Ordinal);
        Assert.EndsWith("maxmemory 100mb\n", content, StringComparison.Ordinal);
        Assert.Equal(["redis-server", "/usr/local/etc/redis/redis.conf"], List(Service(database), "command"));
    }

    [Fact]
    public void PostgresConfiguration_ListensEverywhere_AndInitScriptsGoToTheInitFolder()
    {
        var database = Database("postgresql", d => (d.Configuration, d.InitScripts) =
            ("max_connections = 42", DatabaseInitScripts.Write([new("01-schema.sql", "CREATE TABLE t();"), new("../../etc/cron.d/x.sql", "x")])));
        var files = DatabaseEngine.Of(database).Files(database).ToList();

        Assert.Equal(["/etc/postgresql/postgresql.conf", "/docker-entrypoint-initdb.d/01-schema.sql"], files.Select(f => f.Path));
        Assert.Contains("listen_addresses = '*'", files[0].Content, StringComparison.Ordinal);
        Assert.Equal(["postgres", "-c", "config_file=/etc/postgresql/postgresql.conf"], List(Service(database), "command"));
    }

    [Theory]
    [InlineData("postgres:16-alpine", "/var/lib/postgresql/data")]
    [InlineData("postgres:18-alpine", "/var/lib/postgresql")]
    [InlineData("pgvector/pgvector:pg18", "/var/lib/postgresql")]
    public void PostgresData_IsWhereTheImageVersionKeepsIt(string image, string mountPath)
    {
        var database = Database("postgresql", d => d.Image = image);
        Assert.Equal($"postgres-data-{database.Uuid}:{mountPath}", Assert.Single(List(Service(database), "volumes")));
    }

    [Fact]
    public void UsersVariables_ReachTheContainer_ButTheEnginesOwnWinOnAClash()
    {
        var database = Database("postgresql");
        var custom = new DatabaseCustomizations(
            [KeyValuePair.Create("TZ", "Europe/Paris"), KeyValuePair.Create("POSTGRES_PASSWORD", "hijacked"), KeyValuePair.Create("PRICE", "$5"),
                KeyValuePair.Create("BAD KEY", "x")], [], []);
        var environment = (YamlMappingNode)Service(database, custom)["environment"];

        Assert.Equal("Europe/Paris", Value(environment, "TZ"));
        Assert.Equal("secret", Value(environment, "POSTGRES_PASSWORD"));
        Assert.Equal("$$5", Value(environment, "PRICE"));
        Assert.False(environment.Children.ContainsKey("BAD KEY"));
    }

    [Fact]
    public void UsersVolumes_AreMountedBesideTheData_NamedOnesDeclared_HostFoldersNot()
    {
        var database = Database("postgresql", d => d.Image = "postgres:16-alpine");
        var named = new LocalPersistentVolume { ResourceType = "database", Name = $"{database.Uuid}-archive", MountPath = "/archive" };
        var host = new LocalPersistentVolume { ResourceType = "database", Name = "logs", MountPath = "/logs", HostPath = "/srv/logs", IsReadonly = true };
        var document = Document(database, new DatabaseCustomizations([], [named, host], []));
        var service = (YamlMappingNode)((YamlMappingNode)document["services"])[database.Uuid];

        Assert.Equal([$"postgres-data-{database.Uuid}:/var/lib/postgresql/data", $"{database.Uuid}-archive:/archive", "/srv/logs:/logs:ro"], List(service, "volumes"));
        Assert.Equal(
            [$"postgres-data-{database.Uuid}", $"{database.Uuid}-archive"],
            ((YamlMappingNode)document["volumes"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void UsersFileMounts_ChangeTheDefinition_SoARunningDatabaseIsMadeAgain()
    {
        var database = Database("postgresql");
        var file = new LocalFileVolume { ResourceType = "database", FsPath = "/etc/motd", MountPath = "/etc/motd", Content = "hello" };

        var without = DatabaseContainer.Definition(database, "coolify", DatabaseCustomizations.None);
        var with = DatabaseContainer.Definition(database, "coolify", new DatabaseCustomizations([], [], [file]));

        Assert.NotEqual(without, with);
        Assert.Contains("/etc/motd\0hello", with, StringComparison.Ordinal);
    }
}
