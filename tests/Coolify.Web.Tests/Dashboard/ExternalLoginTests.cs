using System.Net;
using Coolify.Core.Persistence;
using Coolify.Core.Settings;
using Coolify.Core.Teams;
using Coolify.Web.Auth.ExternalLogins;
using Coolify.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Dashboard;

/// <summary>
/// Logging in with an external provider, end to end through the real authentication handlers against a
/// provider the test serves on a loopback port: GitHub's OAuth 2 dialect and OpenID Connect.
/// </summary>
public sealed class ExternalLoginTests : IAsyncLifetime
{
    private readonly CoolifyWebFactory _factory = new();
    private FakeIdentityProvider _provider = null!;
    private User _admin = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeIdentityProvider.StartAsync();
        _admin = await _factory.RegisterAsync("Ada Admin", "admin@example.com");
    }

    [Theory]
    [InlineData("oidc")]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("google")]
    [InlineData("azure")]
    public async Task NewPerson_GetsAnAccount_AndTheSameOneNextTime(string provider)
    {
        await EnableAsync(provider);
        _provider.User = new FakeProviderUser("4711", "newcomer@example.com", "New Comer", EmailVerified: true);

        using var first = await LogInThroughProviderAsync(provider);
        using var dashboard = await first.GetAsync("/", Token);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("newcomer@example.com", await dashboard.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var second = await LogInThroughProviderAsync(provider);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "newcomer@example.com", Token);
        Assert.Null(user.PasswordHash);
        Assert.Equal("New Comer", user.Name);
        Assert.Equal(1, await db.Set<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>().CountAsync(l => l.UserId == user.Id, Token));
    }

    [Theory]
    [InlineData("oidc")]
    [InlineData("github")]
    public async Task ExistingAccount_IsLinked_WhenTheProviderVouchesForTheEmail(string provider)
    {
        await EnableAsync(provider);
        var existing = await _factory.RegisterAsync("Existing", $"existing-{provider}@example.com");
        _provider.User = new FakeProviderUser("777", existing.Email!, "Whatever Name", EmailVerified: true);

        using var client = await LogInThroughProviderAsync(provider);

        await using var scope = _factory.Services.CreateAsyncScope();
        var logins = await scope.ServiceProvider.GetRequiredService<CoolifyDbContext>().Set<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>()
            .Where(l => l.UserId == existing.Id).Select(l => l.LoginProvider).ToListAsync(Token);
        Assert.Equal([provider], logins);
    }

    [Theory]
    [InlineData("oidc")]
    [InlineData("github")]
    [InlineData("gitlab")]
    public async Task ExistingAccount_IsNotTakenOver_ByAnUnverifiedEmail(string provider)
    {
        await EnableAsync(provider);
        var existing = await _factory.RegisterAsync("Victim", $"victim-{provider}@example.com");
        _provider.User = new FakeProviderUser("666", existing.Email!, "Attacker", EmailVerified: false);

        var end = await FollowLoginAsync(_factory.CreateClient(new() { AllowAutoRedirect = false }), provider);

        Assert.Equal("/login?error=email-unverified", end.Path);
        using var page = await end.Client.GetAsync(end.Path, Token);
        Assert.Contains("did not confirm that the address is yours", await page.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var dashboard = await end.Client.GetAsync("/", Token);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task DisabledProvider_CannotBeUsed_AndIsNotOffered()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        using var redirect = await client.GetAsync("/auth/github/redirect", Token);

        Assert.Equal("/login?error=provider-disabled", DashboardSession.LocalPath(redirect));
        var login = await client.GetStringAsync("/login", Token);
        Assert.DoesNotContain("Continue with GitHub", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedRegistration_RefusesNewPeople_ButOffersTheButton()
    {
        await EnableAsync("oidc");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CoolifyDbContext>().InstanceSettings
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsRegistrationEnabled, false), Token);
        }

        _provider.User = new FakeProviderUser("999", "stranger@example.com", "Stranger", EmailVerified: true);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("Continue with OpenID Connect", await client.GetStringAsync("/login", Token), StringComparison.Ordinal);

        var end = await FollowLoginAsync(client, "oidc");

        Assert.Equal("/login?error=registration-closed", end.Path);
    }

    [Fact]
    public async Task WrongClientSecret_EndsTheLoginWithAMessage_NotAnError()
    {
        await EnableAsync("oidc", secret: "not-the-secret");
        _provider.User = new FakeProviderUser("5", "someone@example.com", "Someone", EmailVerified: true);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        using var start = await client.GetAsync("/auth/oidc/redirect", Token);
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorized = await provider.GetAsync(start.Headers.Location, Token);
        using var callback = await client.GetAsync(authorized.Headers.Location!.PathAndQuery, Token);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/login?error=external-failed", DashboardSession.LocalPath(callback));
        using var dashboard = await client.GetAsync("/", Token);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    private async Task EnableAsync(string provider, string secret = FakeIdentityProvider.ClientSecret)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var access = (await services.GetRequiredService<TeamAccessResolver>().ResolveAsync(_admin.Id, _admin.CurrentTeamId!.Value, Token))!;
        // Each provider pointed at the fake one, the way a self-hosted instance of it would be configured.
        var baseUrl = provider is "oidc" or "google" ? _provider.OidcIssuer : _provider.BaseAddress.ToString();
        var tenant = provider == "azure" ? FakeIdentityProvider.AzureTenant : null;
        await services.GetRequiredService<ExternalLoginSettings>().UpdateAsync(access, provider,
            new ExternalLoginChange(true, FakeIdentityProvider.ClientId, secret, tenant, baseUrl), Token);
        _factory.Services.GetRequiredService<ExternalLoginOptionsCache>().Invalidate(provider);
    }

    private async Task<HttpClient> LogInThroughProviderAsync(string provider)
    {
        var end = await FollowLoginAsync(_factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), provider);
        Assert.Equal("/", end.Path);
        return end.Client;
    }

    /// <summary>Follows the redirects a browser would: app → provider → app callback → completion; returns where it ends.</summary>
    private async Task<(HttpClient Client, string? Path)> FollowLoginAsync(HttpClient client, string provider)
    {
        using var start = await client.GetAsync($"/auth/{provider}/redirect?returnUrl=%2F", Token);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorized = await providerClient.GetAsync(start.Headers.Location, Token);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        using var callback = await client.GetAsync(authorized.Headers.Location!.PathAndQuery, Token);
        var next = DashboardSession.LocalPath(callback);
        Assert.True(next?.StartsWith(ExternalLoginEndpoints.CompletePath, StringComparison.Ordinal) == true,
            $"The callback answered {(int)callback.StatusCode} {next}: {string.Join('\n', _factory.Logs.Messages.Where(m => m.Contains("Exception", StringComparison.Ordinal)))}");
        using var complete = await client.GetAsync(next, Token);
        return (client, DashboardSession.LocalPath(complete));
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
