using System.Security.Claims;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's Teams endpoints. A caller sees only the teams they are a member of.</summary>
public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Teams").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        api.MapGet("/teams", ListTeams).WithName("list-teams");
        api.MapGet("/teams/{id:int}", GetTeam).WithName("get-team-by-id");
        api.MapGet("/teams/{id:int}/members", GetTeamMembers).WithName("get-members-by-team-id");
        api.MapGet("/team", GetCurrentTeam).WithName("get-token-team");
        api.MapGet("/team/members", GetCurrentTeamMembers).WithName("get-token-team-members");
        return app;
    }

    public static async Task<Ok<List<TeamResponse>>> ListTeams(ClaimsPrincipal user, TeamQueries teams, CancellationToken cancellationToken) =>
        TypedResults.Ok((await teams.ListForUserAsync(user.UserId(), cancellationToken)).Select(t => t.ToResponse()).ToList());

    public static async Task<Results<Ok<TeamResponse>, JsonHttpResult<ApiMessage>>> GetTeam(int id, ClaimsPrincipal user, TeamQueries teams, CancellationToken cancellationToken) =>
        await teams.FindForUserAsync(user.UserId(), id, cancellationToken) is { } team
            ? TypedResults.Ok(team.ToResponse())
            : ApiResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<UserResponse>>, JsonHttpResult<ApiMessage>>> GetTeamMembers(int id, ClaimsPrincipal user, TeamQueries teams, CancellationToken cancellationToken) =>
        await teams.FindForUserAsync(user.UserId(), id, cancellationToken) is { } team
            ? TypedResults.Ok(team.ToResponse().Members)
            : ApiResults.NotFound();

    public static async Task<Results<Ok<TeamResponse>, JsonHttpResult<ApiMessage>>> GetCurrentTeam(ClaimsPrincipal user, TeamScopeFactory scopes, TeamQueries teams, CancellationToken cancellationToken) =>
        await FindCurrentTeamAsync(user, scopes, teams, cancellationToken) is { } team ? TypedResults.Ok(team.ToResponse()) : ApiResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<UserResponse>>, JsonHttpResult<ApiMessage>>> GetCurrentTeamMembers(ClaimsPrincipal user, TeamScopeFactory scopes, TeamQueries teams, CancellationToken cancellationToken) =>
        await FindCurrentTeamAsync(user, scopes, teams, cancellationToken) is { } team ? TypedResults.Ok(team.ToResponse().Members) : ApiResults.NotFound();

    /// <summary>The token's team, with its members (null if the caller no longer belongs to it).</summary>
    private static async Task<Team?> FindCurrentTeamAsync(ClaimsPrincipal user, TeamScopeFactory scopes, TeamQueries teams, CancellationToken cancellationToken) =>
        await scopes.CreateAsync(user, cancellationToken) is { } scope
            ? await teams.FindForUserAsync(user.UserId(), scope.Access.TeamId, cancellationToken)
            : null;
}
