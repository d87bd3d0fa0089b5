using Coolify.Core.Common;
using Coolify.Infrastructure.Persistence;
using Npgsql;

namespace Coolify.Core.Tests.Infrastructure;

public class DatabaseSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_NoUrl_UsesSqliteInDataDirectory(string? url)
    {
        var settings = DatabaseSettings.Resolve(url, "/var/lib/coolify");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains("/var/lib/coolify/coolify.db", settings.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PostgresUrl_GivesEveryPart()
    {
        var settings = DatabaseSettings.Resolve("postgres://coolify:p%40ss%3Aword@db.internal:6543/coolify_prod?sslmode=require", "/data");

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("coolify_prod", builder.Database);
        Assert.Equal("coolify", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void Resolve_PostgresqlSchemeWithoutPort_Uses5432()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseSettings.Resolve("postgresql://u@localhost/db", "/data").ConnectionString);
        Assert.Equal(5432, builder.Port);
    }

    [Fact]
    public void Resolve_KeywordForm_IsAccepted()
    {
        var settings = DatabaseSettings.Resolve("Host=127.0.0.1;Port=5433;Database=c;Username=u;Password=p", "/data");

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal(5433, new NpgsqlConnectionStringBuilder(settings.ConnectionString).Port);
    }

    [Theory]
    [InlineData("mysql://u:p@host/db", "scheme 'mysql'")]
    [InlineData("postgres://u:p@host:99999/db", "not a valid URL")]
    [InlineData("postgres://u:p@host:5432/", "no database name")]
    [InlineData("postgres://u:p@host/db?nonsense=1", "unsupported option 'nonsense=1'")]
    [InlineData("Database=c;Username=u", "no Host")]
    [InlineData("Host=h;Bogus=1", "not a valid PostgreSQL URL or connection string")]
    public void Resolve_MalformedUrl_ThrowsClearMessage(string url, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => DatabaseSettings.Resolve(url, "/data"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("COOLIFY_DATABASE_URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Postgres_NeverShowsThePassword()
    {
        var settings = DatabaseSettings.Resolve("postgres://u:topsecret@host:5432/db", "/data");
        Assert.Equal("PostgreSQL at host:5432/db", settings.Describe());
    }
}
