namespace Coolify.Core.Teams;

/// <summary>Roles as in Coolify, ordered by power so that "not above the inviter's" is a comparison.</summary>
public enum TeamRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}
