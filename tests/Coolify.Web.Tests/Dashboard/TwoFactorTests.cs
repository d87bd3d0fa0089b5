using System.Net;
using System.Text.RegularExpressions;
using Coolify.Core.Persistence;
using Coolify.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Dashboard;

/// <summary>The authenticator app as a second factor: recovery codes, turning it off, the key at rest.</summary>
public sealed partial class TwoFactorTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecoveryCode_LogsInOnce_ThenNoMore()
    {
        var email = await RegisterAsync("recovery");
        var (_, codes) = await EnableTwoFactorAsync(email);
        Assert.Equal(10, codes.Count);

        using (var first = await StartLoginAsync(email))
        {
            using var response = await first.SubmitFormAsync("/login/recovery", "two-factor", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
            Assert.Equal("/", DashboardSession.LocalPath(response));
        }

        using var second = await StartLoginAsync(email);
        using var reused = await second.SubmitFormAsync("/login/recovery", "two-factor", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("not valid or was already used", await reused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_ForAnAccountWithTwoFactor_IsNotEnoughToGetIn()
    {
        var email = await RegisterAsync("password-only");
        await EnableTwoFactorAsync(email);

        using var client = await StartLoginAsync(email);

        using var dashboard = await client.GetAsync("/", Token);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/login", DashboardSession.LocalPath(dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurningOff_AsksForThePassword_AndThenLoginNeedsNoCode()
    {
        var email = await RegisterAsync("turn-off");
        var (client, _) = await EnableTwoFactorAsync(email);

        using (var wrong = await client.SubmitFormAsync("/profile/two-factor", "disable-2fa", new Dictionary<string, string> { ["Disable.Confirmation"] = "Wrong-Passw0rd!" }))
        {
            Assert.Contains("The password is incorrect.", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        using (var right = await client.SubmitFormAsync("/profile/two-factor", "disable-2fa", new Dictionary<string, string> { ["Disable.Confirmation"] = TestAccounts.Password }))
        {
            Assert.Contains("Two-factor authentication is off.", await right.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        // The session survived the change, and the next login is password-only again.
        using var profile = await client.GetAsync("/profile/two-factor", Token);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        using var fresh = await factory.CreateSignedInClientAsync(email);
        client.Dispose();
    }

    [Fact]
    public async Task AuthenticatorKey_IsEncryptedAtRest()
    {
        var email = await RegisterAsync("at-rest");
        var (client, codes) = await EnableTwoFactorAsync(email);
        client.Dispose();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM user_tokens";
        var raw = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                raw.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(raw);
        Assert.All(raw, value => Assert.StartsWith("enc:v1:", value, StringComparison.Ordinal));
        Assert.DoesNotContain(raw, value => value.Contains(codes[1], StringComparison.Ordinal));
    }

    private async Task<string> RegisterAsync(string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Two Factor", email);
        return email;
    }

    /// <summary>Turns 2FA on through the profile page; returns the still signed-in client and the recovery codes.</summary>
    private async Task<(HttpClient Client, IReadOnlyList<string> Codes)> EnableTwoFactorAsync(string email)
    {
        var client = await factory.CreateSignedInClientAsync(email);
        var page = await client.GetStringAsync("/profile/two-factor", Token);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        using var response = await client.SubmitFormAsync("/profile/two-factor", "enable-2fa", new Dictionary<string, string> { ["Enable.Code"] = code });
        var html = await response.Content.ReadAsStringAsync(Token);
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        return (client, codes);
    }

    /// <summary>A client past the password step of the login, facing the second one.</summary>
    private async Task<HttpClient> StartLoginAsync(string email)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await DashboardSession.SubmitLoginAsync(client, email, TestAccounts.Password);
        Assert.StartsWith("/login/two-factor", DashboardSession.LocalPath(response), StringComparison.Ordinal);
        return client;
    }

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
