using Coolify.Core.Audit;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// Teams and their members. Rules as in Coolify: admins and owners manage members, nobody grants a role above
/// their own, only an owner deletes a team, and a team never loses its last owner.
/// </summary>
public sealed class TeamManagement(CoolifyDbContext db, AuditLog audit)
{
    public async Task<Team> CreateAsync(int userId, string? name, string? description, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var team = new Team { Name = rules.Name("name", name), Description = rules.Text("description", description) };
        rules.ThrowIfInvalid();

        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = userId, Role = TeamRole.Owner });
        audit.Add("team.created", userId, team.Id, team.Name);
        await SetCurrentTeamAsync(userId, team.Id, cancellationToken);
        return team;
    }

    public async Task UpdateAsync(TeamScope scope, string? name, string? description, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var cleanName = rules.Name("name", name);
        var cleanDescription = rules.Text("description", description);
        rules.ThrowIfInvalid();

        var team = await scope.Team.SingleAsync(cancellationToken);
        team.Name = cleanName;
        team.Description = cleanDescription;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes the scope's team; members whose current team it was move to another of theirs.</summary>
    public async Task DeleteAsync(TeamScope scope, CancellationToken cancellationToken)
    {
        scope.EnsureOwner();
        var team = await scope.Team.SingleAsync(cancellationToken);
        if (team.IsRootTeam)
        {
            throw new ForbiddenException("The root team administers the instance and cannot be deleted.");
        }

        if (await scope.Projects.AnyAsync(cancellationToken) || await scope.Servers.AnyAsync(cancellationToken))
        {
            throw ValidationException.For("team", "Delete the team's projects and servers first.");
        }

        var memberIds = await scope.Members.Select(m => m.UserId).ToListAsync(cancellationToken);
        db.Teams.Remove(team);
        audit.Add("team.deleted", scope.Access.UserId, null, team.Name);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var userId in memberIds)
        {
            await MoveToAnyTeamAsync(userId, cancellationToken);
        }
    }

    /// <exception cref="ForbiddenException">The user is not a member of that team.</exception>
    public async Task SwitchAsync(int userId, int teamId, CancellationToken cancellationToken)
    {
        if (!await db.TeamMembers.AnyAsync(m => m.UserId == userId && m.TeamId == teamId, cancellationToken))
        {
            throw new ForbiddenException("You are not a member of that team.");
        }

        await SetCurrentTeamAsync(userId, teamId, cancellationToken);
    }

    public async Task ChangeRoleAsync(TeamScope scope, int memberUserId, TeamRole role, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var member = await FindMemberAsync(scope, memberUserId, cancellationToken);
        if (role > scope.Access.Role || member.Role > scope.Access.Role)
        {
            throw new ForbiddenException("You cannot give or change a role above your own.");
        }

        if (member.Role == TeamRole.Owner && role != TeamRole.Owner)
        {
            await EnsureAnotherOwnerAsync(scope, memberUserId, cancellationToken);
        }

        audit.Add("team.role_changed", scope.Access.UserId, scope.Access.TeamId, $"user {memberUserId}: {member.Role} → {role}".ToLowerInvariant());
        member.Role = role;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveMemberAsync(TeamScope scope, int memberUserId, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        if (memberUserId == scope.Access.UserId)
        {
            throw new ForbiddenException("To remove yourself, leave the team.");
        }

        var member = await FindMemberAsync(scope, memberUserId, cancellationToken);
        if (member.Role > scope.Access.Role)
        {
            throw new ForbiddenException("You cannot remove a member whose role is above your own.");
        }

        db.TeamMembers.Remove(member);
        audit.Add("team.member_removed", scope.Access.UserId, scope.Access.TeamId, $"user {memberUserId}");
        await db.PersonalAccessTokens.Where(t => t.UserId == memberUserId && t.TeamId == scope.Access.TeamId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await MoveToAnyTeamAsync(memberUserId, cancellationToken);
    }

    public async Task LeaveAsync(TeamScope scope, CancellationToken cancellationToken)
    {
        var member = await FindMemberAsync(scope, scope.Access.UserId, cancellationToken);
        if (member.Role == TeamRole.Owner)
        {
            await EnsureAnotherOwnerAsync(scope, scope.Access.UserId, cancellationToken);
        }

        db.TeamMembers.Remove(member);
        await db.PersonalAccessTokens.Where(t => t.UserId == scope.Access.UserId && t.TeamId == scope.Access.TeamId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await MoveToAnyTeamAsync(scope.Access.UserId, cancellationToken);
    }

    public Task<List<TeamMember>> MembersAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Members.Include(m => m.User).OrderBy(m => m.Id).ToListAsync(cancellationToken);

    private async Task<TeamMember> FindMemberAsync(TeamScope scope, int userId, CancellationToken cancellationToken) =>
        await scope.Members.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken)
        ?? throw new NotFoundException("No such member in this team.");

    private async Task EnsureAnotherOwnerAsync(TeamScope scope, int userId, CancellationToken cancellationToken)
    {
        if (!await scope.Members.AnyAsync(m => m.Role == TeamRole.Owner && m.UserId != userId, cancellationToken))
        {
            throw new ForbiddenException("A team needs an owner: make someone else owner first.");
        }
    }

    private async Task SetCurrentTeamAsync(int userId, int teamId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.CurrentTeamId = teamId;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task MoveToAnyTeamAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.CurrentTeamId is { } current && await db.TeamMembers.AnyAsync(m => m.UserId == userId && m.TeamId == current, cancellationToken))
        {
            return;
        }

        user.CurrentTeamId = await db.TeamMembers.Where(m => m.UserId == userId).OrderBy(m => m.TeamId).Select(m => (int?)m.TeamId).FirstOrDefaultAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
