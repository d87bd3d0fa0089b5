using System.Security.Cryptography;
using System.Text;
using Coolify.Core.Audit;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// API tokens in Laravel Sanctum's format, <c>&lt;id&gt;|&lt;secret&gt;</c>: only the SHA-256 of the secret is
/// stored, the clear token is returned once at creation.
/// </summary>
public sealed class ApiTokenService(CoolifyDbContext db, TimeProvider clock, AuditLog audit)
{
    private const int SecretLength = 40;
    private const string SecretAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public async Task<CreatedToken> CreateAsync(TeamAccess access, string? name, IEnumerable<string> abilities, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var cleanName = rules.Name("name", name);
        var requested = abilities.ToHashSet(StringComparer.Ordinal);
        if (requested.Count == 0 || requested.Any(a => !Abilities.All.Contains(a)))
        {
            rules.Add("abilities", $"The abilities must be some of: {string.Join(", ", Abilities.All)}.");
        }

        if (expiresAt is { } expiry && expiry <= clock.GetUtcNow().UtcDateTime)
        {
            rules.Add("expires_at", "The expiry must be in the future.");
        }

        rules.ThrowIfInvalid();
        if (!access.CanWrite && Abilities.ExceedsRead(requested))
        {
            throw new ForbiddenException("Members can only create read-only tokens.");
        }

        var secret = RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);
        var token = new PersonalAccessToken
        {
            UserId = access.UserId,
            TeamId = access.TeamId,
            Name = cleanName,
            TokenHash = Hash(secret),
            Abilities = Abilities.Format(requested),
            ExpiresAt = expiresAt,
        };
        db.PersonalAccessTokens.Add(token);
        audit.Add("token.created", access.UserId, access.TeamId, $"{cleanName} ({token.Abilities})");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token, $"{token.Id}|{secret}");
    }

    /// <summary>Tokens of the scope's team, newest first; a member sees only their own.</summary>
    public Task<List<PersonalAccessToken>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Tokens
            .Where(t => scope.Access.CanWrite || t.UserId == scope.Access.UserId)
            .Include(t => t.User)
            .OrderByDescending(t => t.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes a token of the scope's team: its creator or a team admin may.</summary>
    /// <returns>False when no such token is visible to the caller.</returns>
    public async Task<bool> RevokeAsync(TeamScope scope, int tokenId, CancellationToken cancellationToken)
    {
        var token = await scope.Tokens
            .Where(t => t.Id == tokenId && (scope.Access.CanWrite || t.UserId == scope.Access.UserId))
            .SingleOrDefaultAsync(cancellationToken);
        if (token is null)
        {
            return false;
        }

        db.PersonalAccessTokens.Remove(token);
        audit.Add("token.revoked", scope.Access.UserId, scope.Access.TeamId, token.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Finds the live token a bearer value names, or null (malformed, unknown, wrong secret, expired).</summary>
    public async Task<PersonalAccessToken?> FindAsync(string bearer, CancellationToken cancellationToken)
    {
        var separator = bearer.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(bearer.AsSpan(0, separator), out var id) || bearer.Length - separator - 1 != SecretLength)
        {
            return null;
        }

        var token = await db.PersonalAccessTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.TokenHash), Encoding.ASCII.GetBytes(Hash(bearer[(separator + 1)..]))))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ExpiresAt is { } expiry && expiry <= now)
        {
            return null;
        }

        // Written at most once a minute: a busy client should not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return token;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
