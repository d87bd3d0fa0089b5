using System.Net;
using System.Net.Http.Json;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Web.Api;
using Coolify.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Api;

public sealed class ApiAccessGateTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisabledApi_RefusesEveryTokenUntilAnInstanceAdminEnablesIt()
    {
        await using var factory = new CoolifyWebFactory();
        var admin = await factory.RegisterAsync("Instance Admin", "admin@example.com");
        var other = await factory.RegisterAsync("Other Owner", "other@example.com");
        using var adminApi = factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), Abilities.Root));
        using var otherApi = factory.CreateApiClient(await factory.CreateTokenAsync(other, await factory.TeamIdOfAsync(other), Abilities.Root));

        Assert.Equal(HttpStatusCode.OK, (await adminApi.PostAsync("/api/v1/disable", null, Token)).StatusCode);

        using var refused = await adminApi.GetAsync("/api/v1/teams", Token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("API is disabled.", (await refused.Content.ReadFromJsonAsync<ApiMessage>(Token))!.Message);

        // Owning some team is not enough: only the root team's admins run the instance.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherApi.PostAsync("/api/v1/enable", null, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminApi.PostAsync("/api/v1/enable", null, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherApi.GetAsync("/api/v1/teams", Token)).StatusCode);
    }

    [Fact]
    public async Task AllowedIps_RefuseOtherAddresses_AndIgnoreForwardedHeadersFromUntrustedPeers()
    {
        await using var factory = new CoolifyWebFactory();
        var admin = await factory.RegisterAsync("Instance Admin", "admin@example.com");
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), Abilities.Root));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
            (await db.InstanceSettings.SingleAsync(Token)).AllowedIps = "10.9.9.9,192.168.7.0/24";
            await db.SaveChangesAsync(Token);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams");
        request.Headers.Add("X-Forwarded-For", "10.9.9.9");
        using var response = await api.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You are not allowed to access the API.", (await response.Content.ReadFromJsonAsync<ApiMessage>(Token))!.Message);
    }

    [Theory]
    [InlineData("10.0.0.5", null, true)]
    [InlineData("10.0.0.5", "", true)]
    [InlineData("10.0.0.5", "10.0.0.5", true)]
    [InlineData("10.0.0.5", "10.0.0.6", false)]
    [InlineData("10.0.0.5", "10.0.0.0/24", true)]
    [InlineData("10.0.1.5", "10.0.0.0/24", false)]
    [InlineData("::ffff:10.0.0.5", "10.0.0.0/24", true)]
    [InlineData("2001:db8::1", "2001:db8::/32", true)]
    [InlineData("203.0.113.9", "0.0.0.0", true)]
    [InlineData("203.0.113.9", "not-an-ip, 10.0.0.0/8", false)]
    public void IsAllowed_MatchesAddressesAndRanges(string client, string? allowed, bool expected) =>
        Assert.Equal(expected, ApiAccessGate.IsAllowed(IPAddress.Parse(client), allowed));

    [Fact]
    public async Task Token_OverItsBudget_Gets429WithRetryAfter()
    {
        await using var factory = CoolifyWebFactory.With(("COOLIFY_API_RATE_LIMIT", "3"));
        var admin = await factory.RegisterAsync("Busy Client", "busy@example.com");
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), Abilities.Read));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/team", Token)).StatusCode);
        }

        using var limited = await api.GetAsync("/api/v1/team", Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("Rate limit exceeded. Please try again later.", (await limited.Content.ReadFromJsonAsync<ApiMessage>(Token))!.Message);
    }

}
