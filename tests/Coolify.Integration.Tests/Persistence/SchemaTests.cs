using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Integration.Tests.Persistence;

public class SchemaTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Migrations_FreshDatabase_LeaveNothingPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Token));
    }

    /// <summary>Fails when an entity or configuration changed without scripts/add-migration.sh being run.</summary>
    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Model_ComparedWithLatestMigration_HasNoUncoveredChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration covers: run scripts/add-migration.sh <Name>.");
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Initialize_RunTwice_KeepsOneInstanceSettingsRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.RestartAsync();
        await database.InitializeAsync();

        await using var db = database.CreateContext();
        var settings = await db.InstanceSettings.SingleAsync(Token);
        Assert.True(settings.IsRegistrationEnabled);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Columns_UseCoolifyFieldNames(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await Builders.AddApplicationAsync(db);

        // The API maps these one to one, so raw SQL over Coolify's names must work.
        var repositories = await db.Database
            .SqlQueryRaw<string>("SELECT git_repository AS \"Value\" FROM applications WHERE ports_exposes = '3000'")
            .ToListAsync(Token);
        Assert.Equal(["https://github.com/coollabsio/coolify-examples"], repositories);

        var builds = await db.Database
            .SqlQueryRaw<int>("SELECT concurrent_builds AS \"Value\" FROM server_settings")
            .ToListAsync(Token);
        Assert.Equal([2], builds);
    }
}
