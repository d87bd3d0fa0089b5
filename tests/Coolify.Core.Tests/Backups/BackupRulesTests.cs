using Coolify.Core.Backups;
using Coolify.Core.Databases;

namespace Coolify.Core.Tests.Backups;

/// <summary>Retention, frequencies and dump commands: what decides which backups exist and how they are made.</summary>
public sealed class BackupRulesTests
{
    private static readonly DateTime Day = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    // Ten daily backups of 1 GB each, id 10 the newest.
    private static readonly BackupRetention.Kept[] Daily =
        [.. Enumerable.Range(1, 10).Select(i => new BackupRetention.Kept(i, Day.AddDays(i), 1L << 30))];

    [Fact]
    public void Retention_ByCount_KeepsTheNewest()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], BackupRetention.ToDelete(Daily, amount: 3, days: 0, maxGigabytes: 0).Order());
    }

    [Fact]
    public void Retention_ByDays_CountsFromTheNewestBackup()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], BackupRetention.ToDelete(Daily, amount: 0, days: 3, maxGigabytes: 0).Order());
    }

    [Fact]
    public void Retention_BySize_KeepsTheNewest_AndTheOneThatCrossedTheLimit()
    {
        // Walking from the second newest: 9 (1 GB), 8 (2 GB), 7 (3 GB > 2.5): 7 stays, 6 and older go.
        Assert.Equal([1, 2, 3, 4, 5, 6], BackupRetention.ToDelete(Daily, amount: 0, days: 0, maxGigabytes: 2.5m).Order());
    }

    [Fact]
    public void Retention_RulesAdd_AndZeroKeepsEverything()
    {
        Assert.Empty(BackupRetention.ToDelete(Daily, 0, 0, 0));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], BackupRetention.ToDelete(Daily, amount: 2, days: 5, maxGigabytes: 100).Order());
        Assert.Empty(BackupRetention.ToDelete([], 1, 1, 1));
    }

    [Fact]
    public void Retention_EdgeCases_SameSecondGoesById_FewerThanTheAmountKeepsAll_AndAHugeNewestNeverCounts()
    {
        BackupRetention.Kept[] sameSecond = [new(1, Day, 10), new(2, Day, 10), new(3, Day, 10)];
        Assert.Equal([1, 2], BackupRetention.ToDelete(sameSecond, amount: 1, days: 0, maxGigabytes: 0).Order());
        Assert.Empty(BackupRetention.ToDelete(Daily, amount: 10, days: 0, maxGigabytes: 0));

        // The newest (5 GB) alone passes 0.5 GB but never counts; the next one crosses the limit and stays.
        BackupRetention.Kept[] growing = [new(1, Day, 1L << 30), new(2, Day.AddDays(1), 1L << 30), new(3, Day.AddDays(2), 5L << 30)];
        Assert.Equal([1], BackupRetention.ToDelete(growing, amount: 0, days: 0, maxGigabytes: 0.5m).Order());
    }

    [Theory]
    [InlineData("every_minute", true)]
    [InlineData("daily", true)]
    [InlineData("@weekly", true)]
    [InlineData("0 3 * * *", true)]
    [InlineData("*/15 * * * *", true)]
    [InlineData("every 5 minutes", false)]
    [InlineData("0 3 * * *; reboot", false)]
    [InlineData("", false)]
    [InlineData("61 * * * *", false)]
    public void Frequency_IsCronOrCoolifysWords(string frequency, bool valid) =>
        Assert.Equal(valid, BackupFrequency.TryParse(frequency) is not null);

    [Fact]
    public void Frequency_DueSince_GivesTheLatestMissedTime_Once()
    {
        var cron = BackupFrequency.TryParse("hourly")!;
        Assert.Equal(Day.AddHours(3), BackupFrequency.DueSince(cron, Day.AddMinutes(30), Day.AddHours(3).AddMinutes(5)));
        Assert.Null(BackupFrequency.DueSince(cron, Day.AddHours(3), Day.AddHours(3).AddMinutes(59)));
    }

    [Fact]
    public void Dumps_PassNamesAsArguments_AndPasswordsOnlyThroughTheContainersEnvironment()
    {
        var database = new StandaloneDatabase { Engine = "mariadb", Name = "db", Image = "mariadb:11", User = "shop", Password = "s3cret", RootPassword = "r00t" };
        var text = BackupDumps.Command(database, "orders", "/data/x.sql.gz").Render();

        Assert.DoesNotContain("r00t", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.Contains("'orders'", text, StringComparison.Ordinal);
        Assert.Contains("MARIADB_ROOT_PASSWORD", text, StringComparison.Ordinal);
        Assert.EndsWith(">'/data/x.sql.gz'", text, StringComparison.Ordinal);

        var postgres = new StandaloneDatabase { Engine = "postgresql", Name = "db", Image = "postgres:16", User = "postgres", Password = "p" };
        Assert.Contains("'pg_dump' '--format=custom'", BackupDumps.Command(postgres, "shop", "/data/y.dmp").Render(), StringComparison.Ordinal);
    }
}
