using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>Servers, projects and applications in the dashboard, in headless Chromium against the host process.</summary>
public sealed class ResourceBrowserTests : BrowserTestBase
{
    [Fact]
    public async Task AddServer_ShowsThePublicKeyToPaste_AndValidatesLive()
    {
        var ssh = TestSshTarget.Get();
        Assert.SkipWhen(ssh is null, "no test sshd (run scripts/test.sh)");
        var page = await SignedInPageAsync("/servers");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("test machine");
        await page.GetByLabel("IP address or host name").FillAsync(ssh!.Value.Host);
        await page.GetByLabel("SSH port").FillAsync(ssh.Value.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("User").FillAsync(ssh.Value.User);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add server" }).ClickAsync();

        // A new key was made for it: its public key goes into authorized_keys on the server.
        var publicKey = page.GetByTestId("server-public-key");
        await Assertions.Expect(publicKey).ToContainTextAsync("ssh-ed25519 ");
        await TestSshTarget.AuthorizeAsync(await publicKey.InnerTextAsync(), TestContext.Current.CancellationToken);

        await page.GetByRole(AriaRole.Button, new() { Name = "Validate server" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("validation-log")).ToContainTextAsync("Server is ready for resources.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("server-status")).ToHaveTextAsync("usable");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("server-validated.png"), FullPage = true });

        // General settings: a bad value is explained at its field; a good change is saved and shown.
        var general = page.GetByTestId("server-general");
        await general.GetByLabel("Concurrent builds").FillAsync("0");
        await general.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(general.Locator(".field-error[data-field=concurrent_builds]")).ToBeVisibleAsync();
        await general.GetByLabel("Name", new() { Exact = true }).FillAsync("build box");
        await general.GetByLabel("Concurrent builds").FillAsync("3");
        await general.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(general.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "build box", Level = 1 })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("server-general").GetByLabel("Concurrent builds")).ToHaveValueAsync("3");
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();

        // A destination: a Docker network made on the server, then removed again.
        var network = $"web-{Guid.NewGuid():N}"[..12];
        await page.GetByLabel("Network name").FillAsync(network);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add destination" }).ClickAsync();
        var row = page.GetByTestId("destinations").GetByRole(AriaRole.Listitem).Filter(new() { HasText = network });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove destination" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Project_IsCreated_WithProduction_AndEnvironmentsAreAddedAndDeleted()
    {
        var page = await SignedInPageAsync("/projects");

        await page.GetByLabel("Project name").FillAsync("Web shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Web shop", Level = 1 })).ToBeVisibleAsync();
        var environments = page.GetByTestId("environments").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(environments).ToHaveCountAsync(1);
        await Assertions.Expect(environments.Filter(new() { HasText = "production" })).ToHaveCountAsync(1);
        await page.GetByLabel("Environment name").FillAsync("a b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add environment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[data-field=name]").First).ToBeVisibleAsync();
        await page.GetByLabel("Environment name").FillAsync("staging");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add environment" }).ClickAsync();
        await Assertions.Expect(environments).ToHaveCountAsync(2);

        await environments.Filter(new() { HasText = "staging" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "staging", Level = 1 })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        await environments.Filter(new() { HasText = "staging" }).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete environment" }).ClickAsync();
        await Assertions.Expect(environments).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DockerImageApp_CreatedInTheDashboard_DeploysWithALiveLog()
    {
        var image = Environment.GetEnvironmentVariable("COOLIFY_TEST_HTTPD_IMAGE");
        Assert.SkipWhen(image is null && Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") != "1", "no test image (run scripts/test.sh)");
        var page = await SignedInPageAsync("/projects");
        await page.GetByLabel("Project name").FillAsync("Shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByTestId("environments").GetByRole(AriaRole.Link, new() { Name = "production" }).ClickAsync();

        var form = page.GetByTestId("new-application");
        await form.GetByTestId("source").SelectOptionAsync("DockerImage");
        await form.GetByLabel("Application name").FillAsync("hello");
        await form.GetByLabel("Image", new() { Exact = true }).FillAsync(image!.Split(':')[0]);
        await form.GetByLabel("Tag", new() { Exact = true }).FillAsync(image.Split(':')[1]);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create application" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "hello", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy", Exact = true }).ClickAsync();

        // The log fills in as the worker writes it, and the status follows, without reloading the page.
        var log = page.GetByTestId("deployment-log");
        await Assertions.Expect(log).ToContainTextAsync($"Deploying {image}", new() { Timeout = 30_000 });
        await Assertions.Expect(log).ToContainTextAsync("Container is running", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("deployment-status")).ToHaveTextAsync("finished", new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("deployment-finished.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "hello" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("running:unknown");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this application" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete application" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("resources")).ToContainTextAsync("No applications");
    }

    [Fact]
    public async Task DockerfileApp_FromTheWizard_IsConfiguredInItsPage_DeploysLive_AndStops()
    {
        var image = Environment.GetEnvironmentVariable("COOLIFY_TEST_HTTPD_IMAGE");
        Assert.SkipWhen(image is null && Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") != "1", "no test image (run scripts/test.sh)");
        var page = await SignedInPageAsync("/projects");
        await page.GetByLabel("Project name").FillAsync("Inline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByTestId("environments").GetByRole(AriaRole.Link, new() { Name = "production" }).ClickAsync();

        var form = page.GetByTestId("new-application");
        await form.GetByTestId("source").SelectOptionAsync("Dockerfile");
        await form.GetByLabel("Application name").FillAsync("inline");
        await form.GetByLabel("Dockerfile", new() { Exact = true }).FillAsync($"FROM {image}\nRUN echo 'built in the dashboard' > /www/index.html\n");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create application" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "inline", Level = 1 })).ToBeVisibleAsync();

        // Settings: a hostile value is refused on its field; a good one is saved.
        var settings = page.GetByTestId("application-settings");
        var domains = settings.GetByLabel("Domains", new() { Exact = true });
        await Assertions.Expect(domains).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^http://[a-z0-9]+\.127\.0\.0\.1\.sslip\.io$"));
        await domains.FillAsync("https://shop.example.com\n}");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(settings.Locator(".field-error[data-field=domains]")).ToBeVisibleAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Generate domain" }).ClickAsync();
        await Assertions.Expect(domains).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\.sslip\.io$"));
        await settings.GetByLabel("Published ports (host:container)").FillAsync("8080:80;id");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(settings.Locator(".field-error[data-field=ports_mappings]")).ToBeVisibleAsync();
        await settings.GetByLabel("Published ports (host:container)").FillAsync(string.Empty);
        await settings.GetByLabel("Post-deployment command (in the new container)").FillAsync("echo post > /www/post.html");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        var tags = page.GetByTestId("application-tags");
        await tags.GetByLabel("Add tags (separated by commas)").FillAsync("web, blue");
        await tags.GetByRole(AriaRole.Button, new() { Name = "Add tags" }).ClickAsync();
        await Assertions.Expect(tags.Locator(".badge")).ToHaveTextAsync(["blue", "web"]);
        await tags.GetByLabel("Add tags (separated by commas)").FillAsync("a");
        await tags.GetByRole(AriaRole.Button, new() { Name = "Add tags" }).ClickAsync();
        await Assertions.Expect(tags.Locator(".field-error")).ToBeVisibleAsync();

        var variables = page.GetByTestId("environment-variables");
        await variables.GetByLabel("Key", new() { Exact = true }).FillAsync("GREETING");
        await variables.GetByLabel("Value", new() { Exact = true }).FillAsync("hello-from-the-editor");
        await variables.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await Assertions.Expect(variables.Locator("table")).ToContainTextAsync("GREETING");
        await Assertions.Expect(variables.Locator("table")).Not.ToContainTextAsync("hello-from-the-editor");
        await variables.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
        await Assertions.Expect(variables.Locator("table")).ToContainTextAsync("hello-from-the-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy", Exact = true }).ClickAsync();
        var log = page.GetByTestId("deployment-log");
        await Assertions.Expect(log).ToContainTextAsync("Building the image", new() { Timeout = 30_000 });
        await Assertions.Expect(log).ToContainTextAsync("post-deployment command", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("deployment-status")).ToHaveTextAsync("finished", new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "inline" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("running:unknown");
        await page.GetByTestId("container-logs").GetByRole(AriaRole.Button, new() { Name = "Show the last 100 lines" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("container-logs")).Not.ToContainTextAsync("not running");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("application-page.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stop application" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("exited", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this application" }).ClickAsync();
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete application" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("resources")).ToContainTextAsync("No applications");

        // The team's tags outlive the application; deleting one takes a confirmation.
        await page.GotoAsync(new Uri(Host.BaseAddress, "/tags").ToString());
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("tags")).ToContainTextAsync("blue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete blue" }).ClickAsync();
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete tag" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tags")).Not.ToContainTextAsync("blue");
        await Assertions.Expect(page.GetByTestId("tags")).ToContainTextAsync("web");
    }
}
