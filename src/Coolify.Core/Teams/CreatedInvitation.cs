namespace Coolify.Core.Teams;

/// <summary>A new invitation and the secret of its link, shown once.</summary>
public sealed record CreatedInvitation(TeamInvitation Invitation, string Secret);
