using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Teams;

namespace Coolify.Web.Api;

/// <summary>The token's team scope for an API route: every team-owned read and write goes through it.</summary>
public static class ApiScope
{
    /// <exception cref="NotFoundException">The token's user no longer belongs to its team.</exception>
    public static async Task<TeamScope> RequireAsync(ClaimsPrincipal user, TeamScopeFactory scopes, CancellationToken cancellationToken) =>
        await scopes.CreateAsync(user, cancellationToken) ?? throw new NotFoundException();
}
