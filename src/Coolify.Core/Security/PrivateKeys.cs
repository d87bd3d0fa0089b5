using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Security;

/// <summary>A team's SSH private keys (Keys &amp; Tokens): import, generate, rename, delete when unused.</summary>
public sealed class PrivateKeys(CoolifyDbContext db, ISshKeys sshKeys, Audit.AuditLog audit)
{
    public Task<List<PrivateKey>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.PrivateKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such key in the team.</exception>
    public async Task<PrivateKey> GetAsync(TeamScope scope, string uuid, CancellationToken cancellationToken) =>
        await scope.PrivateKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <param name="passphrase">Opens an encrypted key; the key is stored without it (and encrypted at rest).</param>
    /// <exception cref="ValidationException">A bad name, not a private key, or a wrong passphrase.</exception>
    public async Task<PrivateKey> ImportAsync(
        TeamScope scope, string? name, string? description, string? privateKey, CancellationToken cancellationToken, string? passphrase = null)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var cleanName = rules.Name("name", name);
        var cleanDescription = rules.Text("description", description);
        var read = Read(rules, privateKey, passphrase);
        rules.ThrowIfInvalid();

        var (value, info) = read!.Value;
        var key = new PrivateKey
        {
            TeamId = scope.Access.TeamId, Name = cleanName, Description = cleanDescription,
            PrivateKeyValue = value, PublicKey = info.PublicKey, Fingerprint = info.Fingerprint,
        };
        db.PrivateKeys.Add(key);
        audit.Add("private_key.created", scope.Access.UserId, scope.Access.TeamId, $"{cleanName} ({info.Fingerprint})");
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task<PrivateKey> GenerateAsync(TeamScope scope, string? name, string? description, SshKeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        return ImportAsync(scope, name, description, sshKeys.Generate(algorithm), cancellationToken);
    }

    /// <summary>Renames, redescribes or replaces a key; absent values stay.</summary>
    public async Task<PrivateKey> UpdateAsync(
        TeamScope scope, string? uuid, string? name, string? description, string? privateKey, CancellationToken cancellationToken, string? passphrase = null)
    {
        scope.EnsureCanWrite();
        var key = await scope.PrivateKeys.SingleOrDefaultAsync(k => k.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var cleanName = name is null ? key.Name : rules.Name("name", name);
        var cleanDescription = description is null ? key.Description : rules.Text("description", description);
        var read = privateKey is null ? null : Read(rules, privateKey, passphrase);
        rules.ThrowIfInvalid();

        key.Name = cleanName;
        key.Description = cleanDescription;
        if (read is var (value, info))
        {
            key.PrivateKeyValue = value;
            key.PublicKey = info.PublicKey;
            key.Fingerprint = info.Fingerprint;
        }

        audit.Add("private_key.updated", scope.Access.UserId, scope.Access.TeamId, $"{key.Name} ({key.Fingerprint})");
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <exception cref="ValidationException">A server or application still uses the key.</exception>
    public async Task DeleteAsync(TeamScope scope, string uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var key = await scope.PrivateKeys.SingleOrDefaultAsync(k => k.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var inUse = await db.Servers.AnyAsync(s => s.PrivateKeyId == key.Id, cancellationToken)
            || await db.Applications.AnyAsync(a => a.PrivateKeyId == key.Id, cancellationToken);
        if (inUse)
        {
            throw ValidationException.For("private_key", "Private Key is in use and cannot be deleted.");
        }

        // Deleted servers and applications keep their rows (for history) but will never connect again: they let go.
        foreach (var server in await db.Servers.IgnoreQueryFilters().Where(s => s.PrivateKeyId == key.Id && s.DeletedAt != null).ToListAsync(cancellationToken))
        {
            server.PrivateKeyId = null;
        }

        foreach (var application in await db.Applications.IgnoreQueryFilters().Where(a => a.PrivateKeyId == key.Id && a.DeletedAt != null).ToListAsync(cancellationToken))
        {
            application.PrivateKeyId = null;
        }

        db.PrivateKeys.Remove(key);
        audit.Add("private_key.deleted", scope.Access.UserId, scope.Access.TeamId, $"{key.Name} ({key.Fingerprint})");
        await db.SaveChangesAsync(cancellationToken);
    }

    // The key as it will be stored (without a passphrase) and what it shows of itself; null after a field error.
    private (string Value, SshKeyInfo Info)? Read(InputRules rules, string? privateKey, string? passphrase)
    {
        if (string.IsNullOrWhiteSpace(privateKey))
        {
            rules.Add("private_key", "The private key field is required.");
            return null;
        }

        try
        {
            var value = Normalize(privateKey);
            if (!string.IsNullOrEmpty(passphrase))
            {
                value = sshKeys.RemovePassphrase(value, passphrase);
            }

            return (value, sshKeys.Inspect(value));
        }
        catch (ValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var message in messages)
                {
                    rules.Add(field, message);
                }
            }

            return null;
        }
    }

    // Pasted keys arrive with Windows line ends or without the final newline; OpenSSH wants neither.
    private static string Normalize(string privateKey) => privateKey.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
}
