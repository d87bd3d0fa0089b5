using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>Reads about teams for a caller: only teams the caller is a member of are ever visible.</summary>
public sealed class TeamQueries(CoolifyDbContext db)
{
    public Task<List<Team>> ListForUserAsync(int userId, CancellationToken cancellationToken) =>
        MembersOf(userId).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    /// <returns>The team with its members, or null when it does not exist or the user is not in it.</returns>
    public Task<Team?> FindForUserAsync(int userId, int teamId, CancellationToken cancellationToken) =>
        MembersOf(userId).Where(t => t.Id == teamId).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<Team> MembersOf(int userId) =>
        db.Teams
            .Where(t => t.Members.Any(m => m.UserId == userId))
            .Include(t => t.Members.OrderBy(m => m.Id)).ThenInclude(m => m.User)
            .AsNoTracking();
}
