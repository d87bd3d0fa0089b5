using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Coolify.Core.Persistence;
using Coolify.Core.Security;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Persistence;

public class SecretsAtRestTests
{
    private const string PrivateKeyText = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ-very-secret-key\n-----END OPENSSH PRIVATE KEY-----";
    private const string EnvValue = "postgres://app:S3cr3t-Env-Value@db:5432/app";
    private const string BasicAuthPassword = "basic-auth-Pa55word";
    private const string OauthClientSecret = "oauth-client-S3cret";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Secrets_InTheDatabase_AreNotInClearText(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SaveSecretsAsync(database);

        await using var db = database.CreateContext();
        var raw = await ReadRawAsync(db, "SELECT private_key FROM private_keys")
            .Concat(ReadRawAsync(db, "SELECT value FROM environment_variables"))
            .Concat(ReadRawAsync(db, "SELECT http_basic_auth_password FROM applications"))
            .Concat(ReadRawAsync(db, "SELECT client_secret FROM oauth_settings"))
            .ToListAsync(Token);

        Assert.Equal(4, raw.Count);
        Assert.All(raw, value => Assert.StartsWith(DataProtectionSecretProtector.Marker, value, StringComparison.Ordinal));
        Assert.DoesNotContain(raw, value => value.Contains("very-secret-key", StringComparison.Ordinal));
        Assert.DoesNotContain(raw, value => value.Contains("S3cr3t-Env-Value", StringComparison.Ordinal));
        Assert.DoesNotContain(raw, value => value.Contains(BasicAuthPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(raw, value => value.Contains(OauthClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_InTheSqliteFiles_AreNotInClearText()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SaveSecretsAsync(database);

        // Every byte SQLite wrote: the main file and its write-ahead log.
        // Closed connections first: the last one checkpoints and removes the -wal/-shm files, which otherwise can
        // vanish between listing and reading.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(database.DataDirectory, "coolify.db*").SelectMany(ReadIfStillThere).ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("https://app.example.com", text, StringComparison.Ordinal); // the scan does see plain columns
        Assert.DoesNotContain("very-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t-Env-Value", text, StringComparison.Ordinal);
        Assert.DoesNotContain(BasicAuthPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OauthClientSecret, text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Secrets_AfterARestart_ReadBackWithTheKeysInTheDataDirectory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SaveSecretsAsync(database);
        await database.RestartAsync();

        await using var db = database.CreateContext();
        Assert.Equal(PrivateKeyText, (await db.PrivateKeys.SingleAsync(Token)).PrivateKeyValue);
        Assert.Equal(EnvValue, (await db.EnvironmentVariables.SingleAsync(Token)).Value);
        Assert.Equal(BasicAuthPassword, (await db.Applications.SingleAsync(Token)).HttpBasicAuthPassword);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Secrets_WithAnotherInstancesKeys_CannotBeRead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SaveSecretsAsync(database);

        await using var foreign = database.CreateServicesWithForeignKeyRing();
        await using var db = foreign.GetRequiredService<IDbContextFactory<CoolifyDbContext>>().CreateDbContext();
        await Assert.ThrowsAnyAsync<CryptographicException>(() => db.PrivateKeys.SingleAsync(Token));
    }

    private static async Task SaveSecretsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var app = await Builders.AddApplicationAsync(db);
        app.HttpBasicAuthPassword = BasicAuthPassword;
        db.PrivateKeys.Add(new PrivateKey { TeamId = app.Destination!.Server!.TeamId, Name = "deploy key", PrivateKeyValue = PrivateKeyText });
        db.EnvironmentVariables.Add(Builders.Variable(app, "DATABASE_URL", EnvValue));
        db.OauthSettings.Add(new Core.Settings.OauthSetting { Provider = "github", Enabled = true, ClientId = "client", ClientSecret = OauthClientSecret });
        await db.SaveChangesAsync(Token);
    }

    private static async IAsyncEnumerable<string> ReadRawAsync(CoolifyDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(Token);
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            yield return reader.GetString(0);
        }
    }

    private static byte[] ReadIfStillThere(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }
}
