using System.Net;
using System.Net.Http.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Tenancy;

public sealed class ApiAuthenticationTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer 1|short")]
    [InlineData("Bearer 999|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Bearer -1|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Bearer 1|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u0001")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Request_WithoutAValidToken_Gets401WithCoolifysBody(string? authorization)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthenticated.", (await response.Content.ReadFromJsonAsync<MessageBody>(Token))!.Message);
    }

    [Fact]
    public async Task Token_WithAWrongSecret_IsRefused()
    {
        var user = await factory.RegisterAsync("Wrong Secret", "wrong-secret@example.com");
        var token = await factory.CreateTokenAsync(user, await factory.TeamIdOfAsync(user), Abilities.Read);
        var forged = token[..^1] + (token[^1] == 'a' ? 'b' : 'a');

        using var response = await factory.CreateApiClient(forged).GetAsync("/api/v1/teams", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_OfAUserRemovedFromTheTeam_StopsWorking()
    {
        var owner = await factory.RegisterAsync("Team Owner", "team-owner@example.com");
        var leaver = await factory.RegisterAsync("Leaver", "leaver@example.com");
        var team = await factory.TeamIdOfAsync(owner);
        await factory.AddMemberAsync(leaver, team, TeamRole.Admin);
        var token = await factory.CreateTokenAsync(leaver, team, Abilities.Read);
        using var client = factory.CreateApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/team", Token)).StatusCode);

        await factory.RemoveMemberAsync(leaver, team);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/team", Token)).StatusCode);
    }

    [Fact]
    public async Task CurrentTeam_IsTheTokensTeamWithItsMembers()
    {
        // Not the instance's first account (that one owns the Root Team): whichever test runs first, this owner
        // gets a personal team.
        await factory.InstanceAdminAsync();
        var owner = await factory.RegisterAsync("Current Owner", "current-owner@example.com");
        var team = await factory.TeamIdOfAsync(owner);
        var token = await factory.CreateTokenAsync(owner, team, Abilities.Read);
        using var client = factory.CreateApiClient(token);

        var current = await client.GetFromJsonAsync<TeamBody>("/api/v1/team", Token);
        var members = await client.GetFromJsonAsync<List<MemberBody>>("/api/v1/team/members", Token);

        Assert.Equal(team, current!.Id);
        Assert.Equal("Current Owner's Team", current.Name);
        Assert.Equal(["current-owner@example.com"], members!.Select(m => m.Email));
    }

    private sealed record MessageBody(string Message);

    private sealed record TeamBody(int Id, string Name);

    private sealed record MemberBody(int Id, string Email);
}
