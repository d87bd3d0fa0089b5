using System.Net;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Dashboard;

public sealed class AccountPagesTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WithAWrongPassword_SaysSoAndSetsNoSession()
    {
        var email = $"wrong-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Wrong Password", email);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await DashboardSession.SubmitLoginAsync(client, email, "Not-The-Passw0rd!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("These credentials do not match our records.", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var dashboard = await client.GetAsync("/", Token);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LocksTheAccount()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Locked Out", email);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            (await DashboardSession.SubmitLoginAsync(client, email, "Wrong-Passw0rd!")).Dispose();
        }

        // Even the right password is refused while locked.
        using var response = await DashboardSession.SubmitLoginAsync(client, email, TestAccounts.Password);

        Assert.Contains("locked", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/login?returnUrl=//evil.example/steal", "/")]
    [InlineData("/login?returnUrl=https://evil.example/", "/")]
    [InlineData("/login?returnUrl=%2Fservers", "/servers")]
    public async Task Login_ReturnUrl_OnlyEverGoesToThisSite(string loginUrl, string expected)
    {
        var email = $"return-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Return Url", email);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(loginUrl, Token);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await client.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = TestAccounts.Password,
        }), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, DashboardSession.LocalPath(response));
    }

    [Fact]
    public async Task LoginForm_PostedTooOftenFromOneAddress_Gets429()
    {
        await using var limited = CoolifyWebFactory.With(("COOLIFY_LOGIN_RATE_LIMIT", "3"));
        await limited.RegisterAsync("Guessed", "guessed@example.com");
        using var client = limited.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            (await DashboardSession.SubmitLoginAsync(client, "guessed@example.com", $"Guess-{i}-Passw0rd!")).Dispose();
        }

        using var response = await DashboardSession.SubmitLoginAsync(client, "guessed@example.com", TestAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task SettingsPage_ForSomeoneWhoIsNotAnInstanceAdmin_IsReadOnly()
    {
        await using var fresh = new CoolifyWebFactory();
        await fresh.RegisterAsync("Instance Admin", "admin@example.com");
        await fresh.RegisterAsync("Regular Owner", "regular@example.com");
        using var admin = await fresh.CreateSignedInClientAsync("admin@example.com");
        using var regular = await fresh.CreateSignedInClientAsync("regular@example.com");

        Assert.DoesNotContain("read-only-settings", await admin.GetStringAsync("/settings", Token), StringComparison.Ordinal);
        Assert.Contains("Only instance administrators can change these settings.", await regular.GetStringAsync("/settings", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedLogin_ShowsUpInTheAdminsAuditLog()
    {
        await using var fresh = new CoolifyWebFactory();
        await fresh.RegisterAsync("Instance Admin", "admin@example.com");
        using (var attacker = fresh.CreateClient(new() { AllowAutoRedirect = false }))
        {
            (await DashboardSession.SubmitLoginAsync(attacker, "admin@example.com", "Guess-Passw0rd!")).Dispose();
        }

        using var admin = await fresh.CreateSignedInClientAsync("admin@example.com");
        var settings = await admin.GetStringAsync("/settings", Token);

        Assert.Contains("login.failed", settings, StringComparison.Ordinal);
        Assert.Contains("login.succeeded", settings, StringComparison.Ordinal);
    }
}
