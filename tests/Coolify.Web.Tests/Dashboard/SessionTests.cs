using System.Net;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Dashboard;

/// <summary>Where an account is signed in, and logging out a browser from another one.</summary>
public sealed class SessionTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachLogin_IsASession_AndRevokingOne_LogsThatBrowserOut()
    {
        var user = await factory.RegisterAsync("Two Browsers", $"sessions-{Guid.NewGuid():N}@example.com");
        using var laptop = await factory.CreateSignedInClientAsync(user.Email!);
        using var phone = await factory.CreateSignedInClientAsync(user.Email!);

        await using var scope = factory.Services.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
        var list = await sessions.ListAsync(user.Id, Token);
        Assert.Equal(2, list.Count);

        // The newest session is the phone's; revoking it leaves the laptop signed in.
        await sessions.RevokeAsync(user.Id, list.OrderByDescending(s => s.Id).First().Id, Token);

        using var phonePage = await phone.GetAsync("/profile", Token);
        Assert.Equal(HttpStatusCode.Redirect, phonePage.StatusCode);
        Assert.StartsWith("/login", DashboardSession.LocalPath(phonePage), StringComparison.Ordinal);
        using var laptopPage = await laptop.GetAsync("/profile", Token);
        Assert.Equal(HttpStatusCode.OK, laptopPage.StatusCode);
    }

    [Fact]
    public async Task Revoking_AnotherUsersSession_DoesNothing()
    {
        var owner = await factory.RegisterAsync("Owner", $"owner-{Guid.NewGuid():N}@example.com");
        var stranger = await factory.RegisterAsync("Stranger", $"stranger-{Guid.NewGuid():N}@example.com");
        using var browser = await factory.CreateSignedInClientAsync(owner.Email!);
        await using var scope = factory.Services.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
        var ownerSession = Assert.Single(await sessions.ListAsync(owner.Id, Token));

        await sessions.RevokeAsync(stranger.Id, ownerSession.Id, Token);

        using var page = await browser.GetAsync("/profile", Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task LoggingOut_EndsTheSession()
    {
        var user = await factory.RegisterAsync("Leaving", $"logout-{Guid.NewGuid():N}@example.com");
        using var browser = await factory.CreateSignedInClientAsync(user.Email!);

        // The log-out form is the navigation menu's; it posts to /logout with the page's antiforgery token.
        await using var scope = factory.Services.CreateAsyncScope();
        var page = await browser.GetStringAsync("/profile", Token);
        var tokenValue = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokenValue }), Token);

        Assert.Equal("/login", DashboardSession.LocalPath(response));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserSessions>().ListAsync(user.Id, Token));
    }
}
