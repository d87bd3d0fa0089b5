using System.Net;
using System.Text.RegularExpressions;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Dashboard;

/// <summary>"Forgot password" end to end: the form, the link (in the log until there is a mail server), the new password.</summary>
public sealed partial class PasswordResetTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private const string NewPassword = "Brand-N3w-Secret!";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResetLink_SetsANewPassword_OnceOnly()
    {
        var email = $"forgot-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Forgetful", email);
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });

        using (var sent = await browser.SubmitFormAsync("/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            Assert.Contains("a link to choose a new password is on its way", await sent.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        var link = LinkFor(email);
        using (var reset = await browser.SubmitFormAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = NewPassword }))
        {
            Assert.Contains("Your password has been changed.", await reset.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        using (var old = await DashboardSession.SubmitLoginAsync(browser, email, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using var signedIn = await factory.CreateSignedInClientAsync(email, NewPassword);
        using var again = await browser.SubmitFormAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = "An0ther-Secret!" });
        Assert.Contains("This reset link is invalid or has expired.", await again.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoLink()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.com";
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var sent = await browser.SubmitFormAsync("/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Contains("a link to choose a new password is on its way", await sent.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Contains("reset", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-base64-%21%21")]
    [InlineData("dGFtcGVyZWQ")]
    [InlineData("")]
    public async Task TamperedCode_IsRefusedWithAMessage(string code)
    {
        var email = $"tamper-{Guid.NewGuid():N}@example.com";
        await factory.RegisterAsync("Tamper", email);
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var reset = await browser.SubmitFormAsync($"/reset-password?email={Uri.EscapeDataString(email)}&code={code}", "reset-password",
            new Dictionary<string, string> { ["Input.Password"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("This reset link is invalid or has expired.", await reset.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var stillOld = await factory.CreateSignedInClientAsync(email);
    }

    private Uri LinkFor(string email)
    {
        var message = Assert.Single(factory.Logs.Messages, m => m.Contains("password reset link for " + email, StringComparison.Ordinal));
        return new Uri(ResetLink().Match(message).Value);
    }

    [GeneratedRegex(@"https?://\S+/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
