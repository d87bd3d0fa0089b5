using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>Turns "user U acting for team T" into a <see cref="TeamAccess"/>, from the membership table — or null.</summary>
public sealed class TeamAccessResolver(CoolifyDbContext db)
{
    public async Task<TeamAccess?> ResolveAsync(int userId, int teamId, CancellationToken cancellationToken)
    {
        var membership = await db.TeamMembers
            .Where(m => m.UserId == userId && m.TeamId == teamId)
            .Select(m => new { m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is null)
        {
            return null;
        }

        return new TeamAccess(userId, teamId, membership.Role, await IsInstanceAdminAsync(userId, cancellationToken));
    }

    /// <summary>Instance settings belong to the admins and owners of the root team.</summary>
    public Task<bool> IsInstanceAdminAsync(int userId, CancellationToken cancellationToken) =>
        // Roles are stored as names, so compare by name rather than by order.
        db.TeamMembers.AnyAsync(m => m.UserId == userId && m.Team!.IsRootTeam && (m.Role == TeamRole.Admin || m.Role == TeamRole.Owner), cancellationToken);
}
