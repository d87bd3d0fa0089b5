using Coolify.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Coolify.Core.Teams;

/// <summary>An account (ASP.NET Core Identity) with Coolify's user fields.</summary>
public class User : IdentityUser<int>, ITimestamped
{
    public string Uuid { get; set; } = PublicId.New();

    public required string Name { get; set; }

    public DateTime? EmailVerifiedAt { get; set; }

    public DateTime? TwoFactorConfirmedAt { get; set; }

    public bool ForcePasswordReset { get; set; }

    public bool MarketingEmails { get; set; }

    /// <summary>The team the dashboard shows; null until the user belongs to one.</summary>
    public int? CurrentTeamId { get; set; }

    public List<TeamMember> Teams { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
