using System.Text;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>A restore from a file picked in the dashboard, in headless Chromium: a script with a shell escape is refused with its line, a plain one is restored.</summary>
public sealed class DatabaseRestoreBrowserTests : BrowserTestBase
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_POSTGRES_IMAGE");
    private static readonly LocalServerShell Server = new();

    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["COOLIFY_SERVER_CHECK_INTERVAL"] = "1" };

    [Fact]
    public async Task UploadedScript_WithAShellEscape_IsRefused_AndAPlainOne_IsRestored()
    {
        Assert.SkipWhen(Image is null, "no test image (run scripts/test.sh)");
        var page = await SignedInPageAsync("/projects");
        await page.GetByLabel("Project name").FillAsync("Restores");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByTestId("environments").GetByRole(AriaRole.Link, new() { Name = "production" }).ClickAsync();
        var form = page.GetByTestId("new-database");
        await form.GetByTestId("engine").SelectOptionAsync("PostgreSQL");
        await form.GetByLabel("Database name").FillAsync("ledger");
        await form.GetByLabel("Image").FillAsync(Image!);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create database" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ledger", Level = 1 })).ToBeVisibleAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        var uuid = new Uri(page.Url).Segments[^1];
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        // PostgreSQL initialises its cluster on a first start: on a busy machine that takes a while.
        await Assertions.Expect(page.GetByTestId("database-message")).ToHaveTextAsync("Database started.", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("database-status")).ToHaveTextAsync("running:healthy", new() { Timeout = 120_000 });

        var upload = page.GetByTestId("restore-upload");
        var message = page.GetByTestId("backup-message");
        await upload.GetByLabel("Take a safety backup first").UncheckAsync();
        var marker = $"/tmp/pwned-{Guid.NewGuid():N}";
        await upload.Locator("input[type=file]").SetInputFilesAsync(Script("evil.sql", $"SELECT 1;\n\\! touch {marker}\n"));
        await upload.GetByRole(AriaRole.Button, new() { Name = "Restore file" }).ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync("line 2: the psql client command \\!", new() { Timeout = 30_000 });
        Assert.False((await Server.RunAsync(ShellCommand.Of("docker", "exec", uuid, "test", "-e", marker), cancellationToken: TestContext.Current.CancellationToken)).Succeeded);

        await upload.Locator("input[type=file]").SetInputFilesAsync(Script("ledger.sql", "CREATE TABLE entries (id int, amount numeric);\nINSERT INTO entries VALUES (1, 9.99), (2, 0.01);\n"));
        await upload.GetByRole(AriaRole.Button, new() { Name = "Restore file" }).ClickAsync();
        await Assertions.Expect(message).ToHaveTextAsync("Restored the uploaded file into postgres.", new() { Timeout = 30_000 });
        var sum = await Server.RunAsync(ShellCommand.Of("docker", "exec", uuid, "psql", "-U", "postgres", "-tAc", "SELECT sum(amount) FROM entries"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("10.00", sum.Output.Trim());
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("database-restore.png"), FullPage = true });

        // An environment variable from the page reaches the container at its restart.
        var environment = page.GetByTestId("database-environment");
        await environment.GetByLabel("Key", new() { Exact = true }).FillAsync("TZ");
        await environment.GetByLabel("Value", new() { Exact = true }).FillAsync("Europe/Paris");
        await environment.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await Assertions.Expect(environment.Locator("code", new() { HasText = "TZ" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restart", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("database-message")).ToHaveTextAsync("Database restarted.", new() { Timeout = 60_000 });
        var variables = await Server.RunAsync(ShellCommand.Of("docker", "inspect", "--format", "{{json .Config.Env}}", uuid), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("TZ=Europe/Paris", System.Text.Json.JsonSerializer.Deserialize<string[]>(variables.Output)!);

        await page.GetByLabel("I understand the data is deleted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete database" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("resources")).Not.ToContainTextAsync("ledger", new() { Timeout = 30_000 });
    }

    private static FilePayload Script(string name, string text) => new() { Name = name, MimeType = "application/sql", Buffer = Encoding.UTF8.GetBytes(text) };
}
