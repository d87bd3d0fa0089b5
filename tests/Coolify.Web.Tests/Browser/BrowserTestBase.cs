using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>
/// A host process on its own data directory and a headless Chromium, for one browser test; on failure, the host's
/// log and a screenshot of every open page are kept beside the other screenshots.
/// </summary>
public abstract class BrowserTestBase : IAsyncLifetime
{
    protected const string AdminEmail = "admin@example.com";
    protected const string AdminPassword = "Browser-Passw0rd!";

    private readonly TempDirectory _data = new();
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected HostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Settings (environment variables) of the host process, besides its data directory.</summary>
    protected virtual IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>();

    protected IBrowser Chromium => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Support.Browser.LaunchAsync();
        _host = HostProcess.Start(new Dictionary<string, string?>(HostSettings) { ["COOLIFY_DATA_DIR"] = _data.Path });
        await _host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
    }

    protected async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(new Uri(Host.BaseAddress, "/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Creates the admin through the onboarding form in another tab, so this test starts at the login page.</summary>
    protected async Task RegisterAdminInAnotherTabAsync()
    {
        var page = await Chromium.NewPageAsync();
        await page.GotoAsync(new Uri(Host.BaseAddress, "/register").ToString());
        await page.GetByLabel("Name").FillAsync("Ada Admin");
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the admin account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    /// <summary>Registers the admin in another tab and opens a signed-in page at <paramref name="path"/>, ready for clicks.</summary>
    protected async Task<IPage> SignedInPageAsync(string path)
    {
        await RegisterAdminInAnotherTabAsync();
        var page = await (await Chromium.NewContextAsync()).NewPageAsync();
        await LogInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync(new Uri(Host.BaseAddress, path).ToString());
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        // What the host logged, beside the screenshots: the first thing to read when a browser test fails.
        if (_host is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            var name = TestContext.Current.Test?.TestDisplayName.Split('.').Last() ?? "browser-test";
            await File.WriteAllTextAsync(Support.Browser.ScreenshotPath($"host-{name}.log"), _host.Stdout + _host.Stderr);
            foreach (var (page, index) in (_browser?.Contexts.SelectMany(c => c.Pages) ?? []).Select((p, i) => (p, i)))
            {
                await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath($"failed-{name}-{index}.png"), FullPage = true });
            }
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
