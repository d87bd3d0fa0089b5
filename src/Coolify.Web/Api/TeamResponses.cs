using Coolify.Core.Teams;

namespace Coolify.Web.Api;

/// <summary>Coolify's <c>Team</c> schema.</summary>
public sealed record TeamResponse(
    int Id,
    string Name,
    string? Description,
    bool PersonalTeam,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool ShowBoarding,
    int? CustomServerLimit,
    IReadOnlyList<UserResponse> Members);

/// <summary>Coolify's <c>User</c> schema.</summary>
public sealed record UserResponse(
    int Id,
    string Name,
    string? Email,
    DateTime? EmailVerifiedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? TwoFactorConfirmedAt,
    bool ForcePasswordReset,
    bool MarketingEmails);

internal static class TeamMappings
{
    public static TeamResponse ToResponse(this Team team) => new(
        team.Id, team.Name, team.Description, team.PersonalTeam, team.CreatedAt, team.UpdatedAt, team.ShowBoarding,
        team.CustomServerLimit, team.Members.Where(m => m.User is not null).Select(m => m.User!.ToResponse()).ToList());

    public static UserResponse ToResponse(this User user) => new(
        user.Id, user.Name, user.Email, user.EmailVerifiedAt, user.CreatedAt, user.UpdatedAt, user.TwoFactorConfirmedAt,
        user.ForcePasswordReset, user.MarketingEmails);
}
