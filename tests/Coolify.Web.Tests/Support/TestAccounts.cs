using System.Net.Http.Headers;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Support;

/// <summary>Accounts and tokens created through the product's own services, as a user would get them.</summary>
public static class TestAccounts
{
    public const string Password = "Corr3ct-Horse!";

    public static async Task<User> RegisterAsync(this CoolifyWebFactory factory, string name, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync(name, email, Password, CancellationToken.None);
    }

    public static async Task AddMemberAsync(this CoolifyWebFactory factory, User user, int teamId, TeamRole role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        db.TeamMembers.Add(new TeamMember { UserId = user.Id, TeamId = teamId, Role = role });
        await db.SaveChangesAsync();
    }

    public static async Task RemoveMemberAsync(this CoolifyWebFactory factory, User user, int teamId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        db.TeamMembers.RemoveRange(db.TeamMembers.Where(m => m.UserId == user.Id && m.TeamId == teamId));
        await db.SaveChangesAsync();
    }

    public static async Task<string> CreateTokenAsync(this CoolifyWebFactory factory, User user, int teamId, params string[] abilities)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(user.Id, teamId, CancellationToken.None)
            ?? throw new InvalidOperationException("not a member");
        // Tokens beyond the role are created directly: the test proves the API refuses them at request time.
        var elevated = access with { Role = TeamRole.Owner };
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(elevated, "test token", abilities, null, CancellationToken.None);
        return created.PlainText;
    }

    public static async Task<CreatedInvitation> InviteAsync(this CoolifyWebFactory factory, User inviter, int teamId, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var access = await services.GetRequiredService<TeamAccessResolver>().ResolveAsync(inviter.Id, teamId, CancellationToken.None)
            ?? throw new InvalidOperationException("not a member");
        return await services.GetRequiredService<TeamInvitations>()
            .InviteAsync(new TeamScope(services.GetRequiredService<CoolifyDbContext>(), access), email, TeamRole.Member, CancellationToken.None);
    }

    public static async Task<int> TeamIdOfAsync(this CoolifyWebFactory factory, User user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        return (await db.Users.SingleAsync(u => u.Id == user.Id)).CurrentTeamId!.Value;
    }

    /// <summary>The owner of the root team (the instance's first account), registering one on a fresh instance.</summary>
    public static async Task<User> InstanceAdminAsync(this CoolifyWebFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
            var owner = await db.TeamMembers.Where(m => m.Team!.IsRootTeam && m.Role == TeamRole.Owner).Select(m => m.User).FirstOrDefaultAsync();
            if (owner is not null)
            {
                return owner;
            }
        }

        return await factory.RegisterAsync("Instance Admin", $"admin-{Guid.NewGuid():N}@example.com");
    }

    public static HttpClient CreateApiClient(this CoolifyWebFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
