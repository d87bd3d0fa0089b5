namespace Coolify.Core.Teams;

/// <summary>
/// Who is acting, for which team, with which role — resolved on the server from the session or token, never
/// taken from the request body. Every feature service receives one through <see cref="TeamScope"/>.
/// </summary>
public sealed record TeamAccess(int UserId, int TeamId, TeamRole Role, bool IsInstanceAdmin)
{
    /// <summary>Admins and owners create, change, deploy and delete; members only view.</summary>
    public bool CanWrite => Role >= TeamRole.Admin;

    public bool IsOwner => Role == TeamRole.Owner;
}
