using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>
/// Services from the dashboard, in headless Chromium: one from a built-in template, the user's own compose file refused
/// with its reasons, a refused edit. Nothing is started here; the deployment is proved by the API tests.
/// </summary>
public sealed class ServiceBrowserTests : BrowserTestBase
{
    private const string OwnCompose = "services:\n  web:\n    image: nginx:alpine\n    environment:\n      - SERVICE_URL_WEB_80\n";

    // Built-in templates and neutral icons only: no download from Coolify's CDN during a test.
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["COOLIFY_SERVICE_TEMPLATES_URL"] = "off",
        ["COOLIFY_SERVICE_LOGOS_URL"] = "off",
    };

    [Fact]
    public async Task CreateFromTemplate_LandsOnItsPage_WithGeneratedDomainAndPasswordsHiddenUntilRevealed()
    {
        var page = await EnvironmentPageAsync("Automation");
        await page.GetByRole(AriaRole.Link, new() { Name = "New service (one-click)" }).ClickAsync();
        await page.GetByTestId("service-catalog").GetByLabel("Search").FillAsync("n8n");
        await Assertions.Expect(page.GetByTestId("template-card")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose n8n-with-postgresql" }).ClickAsync();

        var create = page.GetByTestId("service-create");
        await create.GetByLabel("Service name").FillAsync("workflows");
        await create.GetByLabel("Server").SelectOptionAsync(new SelectOptionValue { Label = "localhost" });
        await create.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "workflows", Level = 1 })).ToBeVisibleAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("service-status")).ToHaveTextAsync("exited");

        // The application got a generated domain (to the port the template names); the database is listed with its image.
        var n8n = page.Locator("[data-testid=service-application][data-name=n8n]");
        await Assertions.Expect(n8n.GetByLabel("Domains")).ToHaveValueAsync(new Regex(@"^http://[a-z0-9-]+\.127\.0\.0\.1\.sslip\.io:5678$"));
        await Assertions.Expect(page.Locator("[data-testid=service-database][data-name=postgresql]")).ToContainTextAsync("postgres:17-alpine");

        // Generated passwords are hidden until revealed.
        var password = page.GetByTestId("service-environment").GetByRole(AriaRole.Row).Filter(new() { HasText = "SERVICE_PASSWORD_POSTGRES" });
        await Assertions.Expect(password).ToContainTextAsync("••••••");
        await Assertions.Expect(password.Locator("td code")).ToHaveCountAsync(1);
        await password.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
        await Assertions.Expect(password.Locator("td code").Nth(1)).ToHaveTextAsync(new Regex("^[A-Za-z0-9]{32}$"));
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("service.png"), FullPage = true });

        // A malformed domain is explained at the field; a good one is kept.
        await n8n.GetByLabel("Domains").FillAsync("not a domain");
        await n8n.GetByRole(AriaRole.Button, new() { Name = "Save domains" }).ClickAsync();
        await Assertions.Expect(n8n.Locator(".field-error[data-field=url]")).ToBeVisibleAsync();
        await n8n.GetByLabel("Domains").FillAsync("https://flows.example.com:5678");
        await n8n.GetByRole(AriaRole.Button, new() { Name = "Save domains" }).ClickAsync();
        await Assertions.Expect(n8n.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=service-application][data-name=n8n]").GetByLabel("Domains")).ToHaveValueAsync("https://flows.example.com:5678");

        // The environment lists it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Automation / production" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("service-resource")).ToContainTextAsync("workflows");
    }

    [Fact]
    public async Task CreateOwnCompose_HostileNameOrPrivileged_IsRefusedInline_NothingIsCreated_UntilAnAdminAllowsRiskyOptions()
    {
        var page = await EnvironmentPageAsync("Own files");
        await page.GetByRole(AriaRole.Link, new() { Name = "New service (one-click)" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Your own compose file" }).ClickAsync();
        var form = page.GetByTestId("new-compose-service");
        var errors = form.GetByTestId("error-lines");

        await form.GetByLabel("Docker Compose file").FillAsync("services:\n  'a;rm -rf /':\n    image: nginx:alpine\n");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();
        await Assertions.Expect(errors).ToContainTextAsync("is not a valid service name");

        await form.GetByLabel("Docker Compose file").FillAsync("services:\n  web:\n    image: nginx:alpine\n    privileged: true\n");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();
        await Assertions.Expect(errors).ToContainTextAsync("need a team admin to allow them");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New service", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("service-own-compose-refused.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Own files / production" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("resources")).ToHaveTextAsync("No applications, databases or services in this environment yet.");
        await Assertions.Expect(page.GetByTestId("service-resource")).ToHaveCountAsync(0);

        // The team's owner may allow them for this service.
        await page.GetByRole(AriaRole.Link, new() { Name = "New service (one-click)" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Your own compose file" }).ClickAsync();
        await form.GetByLabel("Service name").FillAsync("tools");
        await form.GetByLabel("Docker Compose file").FillAsync("services:\n  web:\n    image: nginx:alpine\n    privileged: true\n");
        await form.GetByLabel("Allow risky options").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "tools", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("service-compose").GetByLabel("Allow risky options")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task EditCompose_BrokenYaml_IsRefusedInline_AndTheFileStaysAsItWas()
    {
        var page = await EnvironmentPageAsync("Edits");
        await page.GetByRole(AriaRole.Link, new() { Name = "New service (one-click)" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Your own compose file" }).ClickAsync();
        var form = page.GetByTestId("new-compose-service");
        await form.GetByLabel("Service name").FillAsync("site");
        await form.GetByLabel("Docker Compose file").FillAsync(OwnCompose);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "site", Level = 1 })).ToBeVisibleAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();

        var editor = page.GetByTestId("service-compose");
        await Assertions.Expect(editor.GetByLabel("Docker Compose file")).ToHaveValueAsync(OwnCompose);
        await editor.GetByLabel("Docker Compose file").FillAsync("services:\n  web: [image: nginx\n");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId("error-lines").GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Assertions.Expect(editor.GetByTestId("compose-message")).ToHaveTextAsync("Not saved: the file was refused.");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("service-compose").GetByLabel("Docker Compose file")).ToHaveValueAsync(OwnCompose);
    }

    // A new project's production environment, signed in as its owner.
    private async Task<IPage> EnvironmentPageAsync(string project)
    {
        var page = await SignedInPageAsync("/projects");
        await page.GetByLabel("Project name").FillAsync(project);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByTestId("environments").GetByRole(AriaRole.Link, new() { Name = "production" }).ClickAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        return page;
    }
}
