using System.Security.Cryptography;
using Coolify.Core.Audit;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// Invitations by link (or e-mail, once mail is sent): a role not above the inviter's, valid for 3 days, for one
/// e-mail address. The link's secret is shown once; only its hash is stored.
/// </summary>
public sealed class TeamInvitations(CoolifyDbContext db, AuditLog audit)
{
    public async Task<CreatedInvitation> InviteAsync(TeamScope scope, string? email, TeamRole role, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var cleanEmail = rules.Email("email", email);
        rules.ThrowIfInvalid();
        if (role > scope.Access.Role)
        {
            throw new ForbiddenException("You cannot invite with a role above your own.");
        }

        if (await scope.Members.AnyAsync(m => m.User!.NormalizedEmail == cleanEmail.ToUpperInvariant(), cancellationToken))
        {
            throw ValidationException.For("email", "This person is already a member of the team.");
        }

        // A new invitation for the same address replaces the old one (and its link).
        await db.TeamInvitations.Where(i => i.TeamId == scope.Access.TeamId && i.Email == cleanEmail).ExecuteDeleteAsync(cancellationToken);
        var secret = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 40);
        var invitation = new TeamInvitation
        {
            TeamId = scope.Access.TeamId,
            Email = cleanEmail,
            Role = role,
            Via = "link",
            TokenHash = ApiTokenService.Hash(secret),
            InvitedByUserId = scope.Access.UserId,
        };
        db.TeamInvitations.Add(invitation);
        audit.Add("team.invitation_created", scope.Access.UserId, scope.Access.TeamId, $"{cleanEmail} as {role}".ToLowerInvariant());
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInvitation(invitation, secret);
    }

    public Task<List<TeamInvitation>> PendingAsync(TeamScope scope, CancellationToken cancellationToken) =>
        db.TeamInvitations.Where(i => i.TeamId == scope.Access.TeamId).OrderBy(i => i.Id).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such invitation in the scope's team.</exception>
    public async Task RevokeAsync(TeamScope scope, string uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var deleted = await db.TeamInvitations.Where(i => i.TeamId == scope.Access.TeamId && i.Uuid == uuid).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new NotFoundException();
        }
    }

    /// <summary>The invitation a link names, if it is still valid (for showing it before accepting).</summary>
    public async Task<TeamInvitation?> FindValidAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiTokenService.Hash(secret);
        var invitation = await db.TeamInvitations.Include(i => i.Team).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is null || invitation.IsExpired(db.GetUtcNow()) ? null : invitation;
    }

    /// <exception cref="ForbiddenException">The link is invalid or expired, or for another e-mail address.</exception>
    public async Task<Team> AcceptAsync(int userId, string secret, CancellationToken cancellationToken)
    {
        var invitation = await FindValidAsync(secret, cancellationToken)
            ?? throw new ForbiddenException("This invitation is invalid or has expired.");
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (!string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("This invitation is for another e-mail address.");
        }

        if (!await db.TeamMembers.AnyAsync(m => m.UserId == userId && m.TeamId == invitation.TeamId, cancellationToken))
        {
            db.TeamMembers.Add(new TeamMember { UserId = userId, TeamId = invitation.TeamId, Role = invitation.Role });
        }

        db.TeamInvitations.Remove(invitation);
        audit.Add("team.invitation_accepted", userId, invitation.TeamId, invitation.Email);
        user.CurrentTeamId = invitation.TeamId;
        await db.SaveChangesAsync(cancellationToken);
        return invitation.Team!;
    }
}
