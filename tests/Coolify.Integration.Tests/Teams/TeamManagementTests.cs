using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Teams;

public class TeamManagementTests
{
    private const string Password = "Corr3ct-Horse!";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Invitation_AcceptedByTheInvitee_JoinsWithTheRole_AndTheLinkIsSingleUse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var (owner, team) = await NewTeamAsync(scope, "Owner", "owner@example.com", "Acme");
        var invitee = await RegisterAsync(scope, "Invitee", "invitee@example.com");
        var stranger = await RegisterAsync(scope, "Stranger", "stranger@example.com");
        var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();

        var created = await invitations.InviteAsync(await ScopeAsync(scope, owner.Id, team.Id), "Invitee@Example.com", TeamRole.Member, Token);

        await Assert.ThrowsAsync<ForbiddenException>(() => invitations.AcceptAsync(stranger.Id, created.Secret, Token));
        Assert.Equal("Acme", (await invitations.AcceptAsync(invitee.Id, created.Secret, Token)).Name);
        await Assert.ThrowsAsync<ForbiddenException>(() => invitations.AcceptAsync(invitee.Id, created.Secret, Token));

        var access = await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(invitee.Id, team.Id, Token);
        Assert.Equal(TeamRole.Member, access!.Role);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(stranger.Id, team.Id, Token));
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Invitation_OlderThanThreeDays_CannotBeAccepted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var (owner, team) = await NewTeamAsync(scope, "Owner", "owner@example.com", "Acme");
        var invitee = await RegisterAsync(scope, "Invitee", "invitee@example.com");
        var created = await scope.ServiceProvider.GetRequiredService<TeamInvitations>()
            .InviteAsync(await ScopeAsync(scope, owner.Id, team.Id), "invitee@example.com", TeamRole.Admin, Token);
        await using (var db = database.CreateContext())
        {
            var old = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-3).AddMinutes(-1);
            await db.TeamInvitations.ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, old), Token);
        }

        await using var later = database.CreateScope();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            later.ServiceProvider.GetRequiredService<TeamInvitations>().AcceptAsync(invitee.Id, created.Secret, Token));
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Admin_CannotGrantOrInviteAboveTheirRole_AndMembersCannotManageAtAll(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var (owner, team) = await NewTeamAsync(scope, "Owner", "owner@example.com", "Acme");
        var admin = await JoinAsync(scope, team.Id, "Admin", "admin@example.com", TeamRole.Admin);
        var member = await JoinAsync(scope, team.Id, "Member", "member@example.com", TeamRole.Member);
        var management = scope.ServiceProvider.GetRequiredService<TeamManagement>();
        var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();
        var adminScope = await ScopeAsync(scope, admin.Id, team.Id);
        var memberScope = await ScopeAsync(scope, member.Id, team.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => invitations.InviteAsync(adminScope, "new@example.com", TeamRole.Owner, Token));
        await Assert.ThrowsAsync<ForbiddenException>(() => management.ChangeRoleAsync(adminScope, member.Id, TeamRole.Owner, Token));
        await Assert.ThrowsAsync<ForbiddenException>(() => management.RemoveMemberAsync(adminScope, owner.Id, Token));
        await Assert.ThrowsAsync<ForbiddenException>(() => invitations.InviteAsync(memberScope, "new@example.com", TeamRole.Member, Token));
        await Assert.ThrowsAsync<ForbiddenException>(() => management.RemoveMemberAsync(memberScope, admin.Id, Token));
        await Assert.ThrowsAsync<ForbiddenException>(() => management.UpdateAsync(memberScope, "Renamed", null, Token));

        await management.ChangeRoleAsync(adminScope, member.Id, TeamRole.Admin, Token);
        Assert.Equal(TeamRole.Admin, (await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(member.Id, team.Id, Token))!.Role);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task LastOwner_CannotLeaveOrStepDown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var (owner, team) = await NewTeamAsync(scope, "Owner", "owner@example.com", "Acme");
        var management = scope.ServiceProvider.GetRequiredService<TeamManagement>();
        var ownerScope = await ScopeAsync(scope, owner.Id, team.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => management.LeaveAsync(ownerScope, Token));
        await Assert.ThrowsAsync<ForbiddenException>(() => management.ChangeRoleAsync(ownerScope, owner.Id, TeamRole.Admin, Token));
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Delete_ByTheOwner_MovesMembersToAnotherTeam_ButTheRootTeamStays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var (owner, team) = await NewTeamAsync(scope, "Owner", "owner@example.com", "Acme");
        var member = await JoinAsync(scope, team.Id, "Member", "member@example.com", TeamRole.Member);
        var management = scope.ServiceProvider.GetRequiredService<TeamManagement>();
        await management.SwitchAsync(member.Id, team.Id, Token);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await management.DeleteAsync(await ScopeAsync(scope, member.Id, team.Id), Token));
        await management.DeleteAsync(await ScopeAsync(scope, owner.Id, team.Id), Token);

        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        Assert.False(await db.Teams.AnyAsync(t => t.Id == team.Id, Token));
        var memberNow = await db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id, Token);
        Assert.NotEqual(team.Id, memberNow.CurrentTeamId);
        Assert.NotNull(memberNow.CurrentTeamId);

        var root = await db.Teams.SingleAsync(t => t.IsRootTeam, Token);
        var rootOwner = await db.TeamMembers.Where(m => m.TeamId == root.Id).Select(m => m.UserId).FirstAsync(Token);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await management.DeleteAsync(await ScopeAsync(scope, rootOwner, root.Id), Token));
    }

    private static async Task<(User Owner, Team Team)> NewTeamAsync(AsyncServiceScope scope, string name, string email, string teamName)
    {
        // The first account owns the root team; this helper's teams are ordinary ones.
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        if (!await registration.HasAnyUserAsync(Token))
        {
            await registration.RegisterAsync("Instance Admin", "root@example.com", Password, Token);
        }

        var owner = await RegisterAsync(scope, name, email);
        var team = await scope.ServiceProvider.GetRequiredService<TeamManagement>().CreateAsync(owner.Id, teamName, null, Token);
        return (owner, team);
    }

    private static Task<User> RegisterAsync(AsyncServiceScope scope, string name, string email) =>
        scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync(name, email, Password, Token);

    private static async Task<User> JoinAsync(AsyncServiceScope scope, int teamId, string name, string email, TeamRole role)
    {
        var user = await RegisterAsync(scope, name, email);
        var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
        db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = user.Id, Role = role });
        await db.SaveChangesAsync(Token);
        return user;
    }

    private static async Task<TeamScope> ScopeAsync(AsyncServiceScope scope, int userId, int teamId) =>
        new(
            scope.ServiceProvider.GetRequiredService<CoolifyDbContext>(),
            (await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(userId, teamId, Token))!);
}
