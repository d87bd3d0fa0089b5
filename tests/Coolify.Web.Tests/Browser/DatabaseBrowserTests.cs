using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>A database from the dashboard, in headless Chromium: the wizard, start, credentials revealed, a refused port, delete.</summary>
public sealed class DatabaseBrowserTests : BrowserTestBase
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_REDIS_IMAGE");

    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["COOLIFY_SERVER_CHECK_INTERVAL"] = "1" };

    [Fact]
    public async Task RedisDatabase_FromTheWizard_StartsHealthy_ShowsItsCredentialsOnRequest_AndIsDeleted()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var page = await SignedInPageAsync("/projects");
        await page.GetByLabel("Project name").FillAsync("Data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByTestId("environments").GetByRole(AriaRole.Link, new() { Name = "production" }).ClickAsync();

        var form = page.GetByTestId("new-database");
        await form.GetByTestId("engine").SelectOptionAsync("Redis");
        await form.GetByLabel("Database name").FillAsync("cache");
        await form.GetByLabel("Image").FillAsync(Image!);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create database" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "cache", Level = 1 })).ToBeVisibleAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("database-message")).ToHaveTextAsync("Database started.", new() { Timeout = 60_000 });
        // The status follows the server checks while the page is open.
        await Assertions.Expect(page.GetByTestId("database-status")).ToHaveTextAsync("running:healthy", new() { Timeout = 60_000 });

        // The generated password and the URL carrying it are shown only on request.
        var credentials = page.GetByTestId("database-credentials");
        await Assertions.Expect(credentials.GetByTestId("secret-redis_password")).ToHaveCountAsync(0);
        await credentials.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
        await Assertions.Expect(credentials.GetByTestId("secret-redis_password")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9]{64}$"));
        await Assertions.Expect(credentials.GetByTestId("internal-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^redis://default:[A-Za-z0-9]{64}@[a-z0-9]{24}:6379/0$"));

        // The URL goes to the clipboard as shown.
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await credentials.GetByRole(AriaRole.Button, new() { Name = "Copy" }).First.ClickAsync();
        await Assertions.Expect(credentials.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.Equal(await credentials.GetByTestId("internal-url").InputValueAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // A public port something on the server already listens on (the control plane itself) is explained at its field.
        var settings = page.GetByTestId("database-settings");
        await settings.GetByLabel("Make it reachable from outside the server").CheckAsync();
        await settings.GetByLabel("Public port", new() { Exact = true }).FillAsync(Host.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(settings.Locator(".field-error[data-field=public_port]")).ToContainTextAsync("a process listening on it");
        await Assertions.Expect(page.GetByTestId("database-status")).ToHaveTextAsync("running:healthy");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("database.png"), FullPage = true });

        // A local backup schedule, run now: the execution shows up as a success (a Redis RDB snapshot, gzipped).
        var backups = page.GetByTestId("database-backups");
        var schedule = backups.GetByTestId("new-backup");
        await schedule.GetByLabel("Frequency").FillAsync("every 5 minutes");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Add schedule" }).ClickAsync();
        await Assertions.Expect(schedule.Locator(".field-error[data-field=frequency]")).ToBeVisibleAsync();
        await schedule.GetByLabel("Frequency").FillAsync("daily");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Add schedule" }).ClickAsync();
        await backups.GetByRole(AriaRole.Button, new() { Name = "Backup now" }).ClickAsync();
        var executions = backups.GetByTestId("backup-executions");
        for (var attempt = 0; attempt < 60 && !(await executions.InnerTextAsync()).Contains("success", StringComparison.Ordinal); attempt++)
        {
            await backups.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync(); // polling a condition: the backup's run
            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(executions).ToContainTextAsync("success");

        // The file downloads as what it is: a gzip'd RDB snapshot.
        var download = await page.RunAndWaitForDownloadAsync(() => executions.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        await using (var snapshot = new System.IO.Compression.GZipStream(File.OpenRead(await download.PathAsync()), System.IO.Compression.CompressionMode.Decompress))
        {
            var magic = new byte[5];
            await snapshot.ReadExactlyAsync(magic, TestContext.Current.CancellationToken);
            Assert.Equal("REDIS", System.Text.Encoding.ASCII.GetString(magic));
        }

        // The schedule edited in place, the backup deleted with its file, then the schedule itself.
        var card = backups.GetByTestId("backup-schedule");
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var edit = card.GetByTestId("edit-backup");
        await edit.GetByLabel("Frequency").FillAsync("0 4 * * *");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save schedule" }).ClickAsync();
        await Assertions.Expect(card.Locator("strong").First).ToHaveTextAsync("0 4 * * *");
        await executions.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await card.GetByTestId("confirm-delete-execution").GetByRole(AriaRole.Button, new() { Name = "Delete backup" }).ClickAsync();
        await Assertions.Expect(backups.GetByTestId("backup-message")).ToHaveTextAsync("Backup deleted.");
        await Assertions.Expect(executions).Not.ToContainTextAsync("success");
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete schedule" }).ClickAsync();
        await card.GetByTestId("confirm-delete-schedule").GetByRole(AriaRole.Button, new() { Name = "Delete schedule" }).ClickAsync();
        await Assertions.Expect(backups).ToContainTextAsync("No backup schedule yet.");

        await page.GetByLabel("I understand the data is deleted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete database" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("resources")).Not.ToContainTextAsync("cache", new() { Timeout = 30_000 });
    }
}
