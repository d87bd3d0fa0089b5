using Coolify.Web.Components.Layout;
using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>The dashboard as a person sees it, in headless Chromium against the host process.</summary>
public sealed class DashboardBrowserTests : BrowserTestBase
{
    [Fact]
    public async Task FirstVisit_Register_LogIn_TwoFactor_Team_Invitation_Token()
    {
        var page = await Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 860 } });
        await page.GotoAsync(Host.BaseAddress.ToString());

        // A new instance sends its first visitor to create the admin account.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Coolify.NET" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("onboarding.png") });
        await page.GetByLabel("Name").FillAsync("Ada Admin");
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the admin account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(AdminEmail);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(Host.BaseAddress, "/servers").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();

        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        // Back where the user was going.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Servers", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link)).ToHaveCountAsync(Navigation.Main.Count);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open menu" })).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("dashboard-desktop.png"), FullPage = true });

        await nav.GetByRole(AriaRole.Link, new() { Name = "Servers" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(Host.BaseAddress, "/servers").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Servers", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Servers" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));

        // Two-factor authentication: set up with an authenticator app, then asked for at the next login.
        var sharedKey = await EnableTwoFactorAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication" })).ToBeVisibleAsync();
        await page.GetByLabel("Authentication code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
        await page.GetByLabel("Authentication code").FillAsync(CurrentTotp(sharedKey));
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("login-two-factor.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // A team, and a member invited to it by link who sees it read-only.
        await InviteAMemberByLinkAsync(page);

        // An API token made in the dashboard (for the current team, Acme) works from another program.
        await page.GotoAsync(new Uri(Host.BaseAddress, "/security/api-tokens").ToString());
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        await page.GetByLabel("Description").FillAsync("ci pipeline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await page.GetByTestId("new-token").InnerTextAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "ci pipeline" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("api-tokens.png"), FullPage = true });

        using var api = new HttpClient { BaseAddress = Host.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var team = await api.GetStringAsync("/api/v1/team", TestContext.Current.CancellationToken);
        Assert.Contains("\"name\":\"Acme\"", team, StringComparison.Ordinal);
        Assert.Contains("mia@example.com", await api.GetStringAsync("/api/v1/team/members", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OnAPhone_HidesTheSidebarBehindAMenuButton()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await RegisterAdminInAnotherTabAsync();
        await page.GotoAsync(Host.BaseAddress.ToString());
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(nav).ToBeHiddenAsync();
        var noHorizontalScroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(noHorizontalScroll, "The page is wider than a phone's screen.");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("dashboard-phone.png") });

        // The menu button works once the interactive circuit is up.
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open menu" }).TapAsync();
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("dashboard-phone-menu.png") });

        await nav.GetByRole(AriaRole.Link, new() { Name = "Teams" }).TapAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teams", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(nav).ToBeHiddenAsync();
    }

    [Fact]
    public async Task RevokingAToken_AsksForThePassword_First()
    {
        await RegisterAdminInAnotherTabAsync();
        var page = await (await Chromium.NewContextAsync()).NewPageAsync();
        await LogInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync(new Uri(Host.BaseAddress, "/security/api-tokens").ToString());
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        await page.GetByLabel("Description").FillAsync("to revoke");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "to revoke" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Revoke the token \"to revoke\"?");
        await dialog.GetByLabel("Confirm with your password").FillAsync("Wrong-Passw0rd!");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("The password is incorrect.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("confirm-with-password.png"), FullPage = true });

        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PrivateKeys_GenerateShowsThePublicKey_BadPasteIsExplained_DeleteAsksFirst()
    {
        await RegisterAdminInAnotherTabAsync();
        var page = await (await Chromium.NewContextAsync()).NewPageAsync();
        await LogInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync(new Uri(Host.BaseAddress, "/security/private-key").ToString());
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();

        await page.GetByLabel("Key name").FillAsync("production servers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate key" }).ClickAsync();
        var card = page.GetByTestId("private-key").Filter(new() { HasText = "production servers" });
        await Assertions.Expect(card.GetByTestId("public-key")).ToContainTextAsync("ssh-ed25519 AAAA");
        await Assertions.Expect(card).ToContainTextAsync("SHA256:");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("pasted");
        await page.GetByLabel("Private key (OpenSSH or PEM)").FillAsync("-----BEGIN OPENSSH PRIVATE KEY-----\nbroken\n-----END OPENSSH PRIVATE KEY-----");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add key" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[data-field=private_key]")).ToHaveTextAsync("This is not a valid OpenSSH or PEM private key.");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("private-keys.png"), FullPage = true });

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Confirm with your password").FillAsync(AdminPassword);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete key" }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LoginProvider_EnabledInSettings_IsOfferedOnTheLoginPage()
    {
        await RegisterAdminInAnotherTabAsync();
        var admin = await (await Chromium.NewContextAsync()).NewPageAsync();
        await LogInAsync(admin, AdminEmail, AdminPassword);
        await admin.GotoAsync(new Uri(Host.BaseAddress, "/settings").ToString());
        await admin.Locator(".shell[data-interactive=true]").WaitForAsync();
        var gitlab = admin.Locator("form[data-provider=gitlab]");
        await gitlab.GetByLabel("Enable GitLab login").CheckAsync();
        await gitlab.GetByRole(AriaRole.Button, new() { Name = "Save GitLab" }).ClickAsync();
        await Assertions.Expect(gitlab.GetByText("The client id is required to enable this provider.")).ToBeVisibleAsync();

        await gitlab.GetByLabel("Client ID").FillAsync("coolify-app");
        await gitlab.GetByLabel("Client secret").FillAsync("s3cret-value");
        await gitlab.GetByRole(AriaRole.Button, new() { Name = "Save GitLab" }).ClickAsync();
        await Assertions.Expect(gitlab.GetByRole(AriaRole.Status)).ToHaveTextAsync("GitLab saved.");
        await Assertions.Expect(gitlab.GetByLabel("Client secret")).ToHaveAttributeAsync("placeholder", "stored; leave empty to keep it");
        await admin.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("settings-login-providers.png"), FullPage = true });

        var visitor = await (await Chromium.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync(new Uri(Host.BaseAddress, "/login").ToString());
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Continue with GitLab" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Continue with GitHub" })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// From the admin's page: creates team Acme and invites Mia by link; Mia registers in her own browser, accepts,
    /// and sees the team read-only. The link works once.
    /// </summary>
    private async Task InviteAMemberByLinkAsync(IPage admin)
    {
        await admin.GotoAsync(new Uri(Host.BaseAddress, "/team").ToString());
        await admin.Locator(".shell[data-interactive=true]").WaitForAsync();
        await admin.GetByLabel("New team name").FillAsync("Acme");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("current-team")).ToHaveTextAsync("Acme");
        await admin.GetByLabel("Email", new() { Exact = true }).FillAsync("mia@example.com");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await admin.GetByTestId("invitation-link").InnerTextAsync();

        var mia = await (await Chromium.NewContextAsync()).NewPageAsync();
        await mia.GotoAsync(new Uri(Host.BaseAddress, "/register").ToString());
        await mia.GetByLabel("Name").FillAsync("Mia Member");
        await mia.GetByLabel("Email").FillAsync("mia@example.com");
        await mia.GetByLabel("Password").FillAsync("Mia-Passw0rd!");
        await mia.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(mia.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        await mia.GotoAsync(link);
        await mia.Locator(".shell[data-interactive=true]").WaitForAsync();
        await mia.GetByRole(AriaRole.Button, new() { Name = "Join the team" }).ClickAsync();

        await Assertions.Expect(mia.GetByTestId("current-team")).ToHaveTextAsync("Acme");
        await Assertions.Expect(mia.GetByTestId("my-role")).ToHaveTextAsync("member");
        await Assertions.Expect(mia.GetByRole(AriaRole.Cell, new() { Name = AdminEmail })).ToBeVisibleAsync();
        await Assertions.Expect(mia.GetByRole(AriaRole.Heading, new() { Name = "Invite a member" })).ToHaveCountAsync(0);
        await Assertions.Expect(mia.GetByRole(AriaRole.Heading, new() { Name = "Team details" })).ToHaveCountAsync(0);
        await mia.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("team-as-member.png"), FullPage = true });

        await mia.GotoAsync(link);
        await Assertions.Expect(mia.GetByText("This invitation is invalid or has expired.")).ToBeVisibleAsync();
    }

    /// <summary>Turns on 2FA from the profile page; returns the shared key, as a person would type it into an app.</summary>
    private static async Task<string> EnableTwoFactorAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).First.ClickAsync();
        var thisBrowser = page.GetByTestId("sessions").GetByRole(AriaRole.Row).Filter(new() { HasText = "this browser" });
        await Assertions.Expect(thisBrowser).ToContainTextAsync("127.0.0.1");
        await Assertions.Expect(thisBrowser).ToContainTextAsync("HeadlessChrome");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var sharedKey = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("two-factor-setup.png"), FullPage = true });

        await page.GetByLabel("Verification code").FillAsync("123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[data-field=code]")).ToBeVisibleAsync();

        await page.GetByLabel("Verification code").FillAsync(CurrentTotp(sharedKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("two-factor-status")).ToContainTextAsync("10 recovery codes left");
        return sharedKey;
    }

    private static string CurrentTotp(string sharedKey) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}
