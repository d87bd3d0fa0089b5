using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

public sealed class TeamManagementApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Bad\u0007Name")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateTeam_WithHostileName_Is422WithCoolifysBody(string name)
    {
        using var api = await OwnerApiAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/teams", new { name }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        Assert.True(body.RootElement.GetProperty("errors").GetProperty("name").GetArrayLength() > 0);
    }

    [Fact]
    public async Task CreateTeam_WithAnOverLongName_Is422()
    {
        using var api = await OwnerApiAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/teams", new { name = new string('x', 300) }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "member", "email")]
    [InlineData("ok@example.com", "superuser", "role")]
    [InlineData("ok@example.com", "2", "role")]
    public async Task Invite_WithBadInput_Is422(string email, string role, string field)
    {
        using var api = await OwnerApiAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/team/invitations", new { email, role }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Invitation_MadeAndAcceptedThroughTheApi_AddsTheMember()
    {
        using var owner = await OwnerApiAsync();
        var inviteeEmail = $"invitee-{Guid.NewGuid():N}@example.com";
        var invitee = await factory.RegisterAsync("Invitee", inviteeEmail);
        using var inviteeApi = factory.CreateApiClient(await factory.CreateTokenAsync(invitee, await factory.TeamIdOfAsync(invitee), Abilities.Write));

        using var invited = await owner.PostAsJsonAsync("/api/v1/team/invitations", new { email = inviteeEmail, role = "admin" }, Token);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("link").GetString()!;
        var secret = link[(link.LastIndexOf('/') + 1)..];

        using var accepted = await inviteeApi.PostAsync($"/api/v1/invitations/{secret}/accept", null, Token);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var members = await owner.GetStringAsync("/api/v1/team/members", Token);
        Assert.Contains(inviteeEmail, members, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_WithSendEmail_MailsTheSameLink()
    {
        using var owner = await OwnerApiAsync();
        var inviteeEmail = $"mailed-{Guid.NewGuid():N}@example.com";

        using var invited = await owner.PostAsJsonAsync("/api/v1/team/invitations", new { email = inviteeEmail, role = "member", send_email = true }, Token);

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("link").GetString()!;
        var mail = Assert.Single(factory.Logs.Messages, m => m.Contains("invitation for " + inviteeEmail, StringComparison.Ordinal));
        Assert.EndsWith(": " + link, mail, StringComparison.Ordinal);
        Assert.Contains("Owner's Team", mail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"name\": 42}")]
    public async Task CreateTeam_WithAnUnreadableBody_Is422NotA500(string body)
    {
        using var api = await OwnerApiAsync();

        using var response = await api.PostAsync("/api/v1/teams", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("body", out _));
    }

    private async Task<HttpClient> OwnerApiAsync()
    {
        // Someone else is the instance's first account, so this owner's team is a personal one, whatever the order.
        await factory.InstanceAdminAsync();
        var owner = await factory.RegisterAsync("Owner", $"owner-{Guid.NewGuid():N}@example.com");
        return factory.CreateApiClient(await factory.CreateTokenAsync(owner, await factory.TeamIdOfAsync(owner), Abilities.Root));
    }
}
