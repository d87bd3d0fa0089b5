using System.Security.Claims;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// Builds the caller's <see cref="TeamScope"/> from their principal: the user id, and the team of their token or
/// else their current team. Membership and role are read from the database on every call, so a removed member
/// or a changed role takes effect at once.
/// </summary>
public sealed class TeamScopeFactory(CoolifyDbContext db, TeamAccessResolver resolver)
{
    /// <returns>The scope, or null when the caller has no team they belong to.</returns>
    public async Task<TeamScope?> CreateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        int? teamId = int.TryParse(principal.FindFirstValue(CoolifyClaims.TeamId), out var tokenTeam)
            ? tokenTeam
            : await db.Users.Where(u => u.Id == userId).Select(u => u.CurrentTeamId).SingleOrDefaultAsync(cancellationToken);
        if (teamId is null)
        {
            return null;
        }

        var access = await resolver.ResolveAsync(userId, teamId.Value, cancellationToken);
        return access is null ? null : new TeamScope(db, access);
    }
}
