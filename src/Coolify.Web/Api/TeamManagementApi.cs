using System.Security.Claims;
using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Coolify.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Api;

/// <summary>
/// Team management for API clients: the dashboard's team actions, which Coolify's API does not have. Every
/// route acts on the token's team through its <see cref="TeamScope"/>.
/// </summary>
public static class TeamManagementApi
{
    public static IEndpointRouteBuilder MapTeamManagementEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Teams").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/team/invitations", ListInvitationsAsync).WithName("list-team-invitations");

        var write = app.MapGroup("/api/v1").WithTags("Teams").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/teams", CreateTeamAsync).WithName("create-team");
        write.MapPatch("/team", UpdateTeamAsync).WithName("update-token-team");
        write.MapDelete("/team", DeleteTeamAsync).WithName("delete-token-team");
        write.MapPost("/team/leave", LeaveTeamAsync).WithName("leave-token-team");
        write.MapPatch("/team/members/{user_id:int}", ChangeRoleAsync).WithName("update-team-member");
        write.MapDelete("/team/members/{user_id:int}", RemoveMemberAsync).WithName("remove-team-member");
        write.MapPost("/team/invitations", InviteAsync).WithName("create-team-invitation");
        write.MapDelete("/team/invitations/{uuid}", RevokeInvitationAsync).WithName("delete-team-invitation");
        write.MapPost("/invitations/{secret}/accept", AcceptInvitationAsync).WithName("accept-team-invitation");
        return app;
    }

    public sealed record TeamRequest(string? Name, string? Description);

    public sealed record RoleRequest(string? Role);

    /// <param name="SendEmail">Also mail the link to the invitee (it is returned either way).</param>
    public sealed record InvitationRequest(string? Email, string? Role, bool? SendEmail);

    public sealed record InvitationResponse(string Uuid, string Email, string Role, DateTime CreatedAt, string? Link);

    public static async Task<Created<TeamResponse>> CreateTeamAsync(TeamRequest body, ClaimsPrincipal user, TeamManagement teams, TeamQueries queries, CancellationToken ct)
    {
        var team = await teams.CreateAsync(user.UserId(), body.Name, body.Description, ct);
        var created = (await queries.FindForUserAsync(user.UserId(), team.Id, ct))!.ToResponse();
        return TypedResults.Created($"/api/v1/teams/{team.Id}", created);
    }

    public static async Task<Ok<ApiMessage>> UpdateTeamAsync(TeamRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TeamManagement teams, CancellationToken ct)
    {
        await teams.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.Name, body.Description, ct);
        return TypedResults.Ok(new ApiMessage("Team updated."));
    }

    public static async Task<Ok<ApiMessage>> DeleteTeamAsync(ClaimsPrincipal user, TeamScopeFactory scopes, TeamManagement teams, CancellationToken ct)
    {
        await teams.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), ct);
        return TypedResults.Ok(new ApiMessage("Team deleted."));
    }

    public static async Task<Ok<ApiMessage>> LeaveTeamAsync(ClaimsPrincipal user, TeamScopeFactory scopes, TeamManagement teams, CancellationToken ct)
    {
        await teams.LeaveAsync(await ApiScope.RequireAsync(user, scopes, ct), ct);
        return TypedResults.Ok(new ApiMessage("You left the team."));
    }

    public static async Task<Ok<ApiMessage>> ChangeRoleAsync([FromRoute(Name = "user_id")] int userId, RoleRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, TeamManagement teams, CancellationToken ct)
    {
        await teams.ChangeRoleAsync(await ApiScope.RequireAsync(user, scopes, ct), userId, ParseRole(body.Role), ct);
        return TypedResults.Ok(new ApiMessage("Role updated."));
    }

    public static async Task<Ok<ApiMessage>> RemoveMemberAsync([FromRoute(Name = "user_id")] int userId, ClaimsPrincipal user, TeamScopeFactory scopes, TeamManagement teams, CancellationToken ct)
    {
        await teams.RemoveMemberAsync(await ApiScope.RequireAsync(user, scopes, ct), userId, ct);
        return TypedResults.Ok(new ApiMessage("Member removed."));
    }

    public static async Task<Ok<List<InvitationResponse>>> ListInvitationsAsync(ClaimsPrincipal user, TeamScopeFactory scopes, TeamInvitations invitations, CancellationToken ct) =>
        TypedResults.Ok((await invitations.PendingAsync(await ApiScope.RequireAsync(user, scopes, ct), ct))
            .Select(i => new InvitationResponse(i.Uuid, i.Email, i.Role.ToString().ToLowerInvariant(), i.CreatedAt, null)).ToList());

    public static async Task<Created<InvitationResponse>> InviteAsync(InvitationRequest body, HttpContext http, TeamScopeFactory scopes, TeamInvitations invitations, CancellationToken ct)
    {
        var scope = await ApiScope.RequireAsync(http.User, scopes, ct);
        var created = await invitations.InviteAsync(scope, body.Email, ParseRole(body.Role ?? "member"), ct);
        var invitation = created.Invitation;
        var link = await InvitationLinks.DeliverAsync(http.RequestServices, scope, created, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"), body.SendEmail == true, ct);
        return TypedResults.Created($"/api/v1/team/invitations/{invitation.Uuid}",
            new InvitationResponse(invitation.Uuid, invitation.Email, invitation.Role.ToString().ToLowerInvariant(), invitation.CreatedAt, link.ToString()));
    }

    public static async Task<Ok<ApiMessage>> RevokeInvitationAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, TeamInvitations invitations, CancellationToken ct)
    {
        await invitations.RevokeAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Invitation revoked."));
    }

    public static async Task<Ok<ApiMessage>> AcceptInvitationAsync(string secret, ClaimsPrincipal user, TeamInvitations invitations, CancellationToken ct)
    {
        var team = await invitations.AcceptAsync(user.UserId(), secret, ct);
        return TypedResults.Ok(new ApiMessage($"You joined {team.Name}."));
    }

    private static TeamRole ParseRole(string? role) =>
        Enum.TryParse<TeamRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _)
            ? parsed
            : throw ValidationException.For("role", "The role must be one of: member, admin, owner.");
}
