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

    /// <exception cref="ValidationException">A bad name, or not a private key.</exception>
    public async Task<PrivateKey> ImportAsync(TeamScope scope, string? name, string? description, string? privateKey, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var cleanName = rules.Name("name", name);
        var cleanDescription = rules.Text("description", description);
        var info = Inspect(rules, privateKey);
        rules.ThrowIfInvalid();

        var key = new PrivateKey
        {
            TeamId = scope.Access.TeamId, Name = cleanName, Description = cleanDescription,
            PrivateKeyValue = Normalize(privateKey!), PublicKey = info!.PublicKey, Fingerprint = info.Fingerprint,
        };
        db.PrivateKeys.Add(key);
        audit.Add("private_key.created", scope.Access.UserId, scope.Access.TeamId, $"{cleanName} ({info.Fingerprint})");
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task<PrivateKey> GenerateAsync(TeamScope scope, string? name, string? description, SshKeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var comment = $"coolify-{PublicId.New()[..8]}";
        return ImportAsync(scope, name, description, sshKeys.Generate(algorithm, comment), cancellationToken);
    }

    /// <summary>Renames, redescribes or replaces a key; absent values stay.</summary>
    public async Task<PrivateKey> UpdateAsync(TeamScope scope, string? uuid, string? name, string? description, string? privateKey, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var key = await scope.PrivateKeys.SingleOrDefaultAsync(k => k.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var cleanName = name is null ? key.Name : rules.Name("name", name);
        var cleanDescription = description is null ? key.Description : rules.Text("description", description);
        var info = privateKey is null ? null : Inspect(rules, privateKey);
        rules.ThrowIfInvalid();

        key.Name = cleanName;
        key.Description = cleanDescription;
        if (info is not null)
        {
            key.PrivateKeyValue = Normalize(privateKey!);
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

        db.PrivateKeys.Remove(key);
        audit.Add("private_key.deleted", scope.Access.UserId, scope.Access.TeamId, $"{key.Name} ({key.Fingerprint})");
        await db.SaveChangesAsync(cancellationToken);
    }

    private SshKeyInfo? Inspect(InputRules rules, string? privateKey)
    {
        if (string.IsNullOrWhiteSpace(privateKey))
        {
            rules.Add("private_key", "The private key field is required.");
            return null;
        }

        try
        {
            return sshKeys.Inspect(Normalize(privateKey));
        }
        catch (ValidationException ex)
        {
            foreach (var message in ex.Errors.Values.SelectMany(m => m))
            {
                rules.Add("private_key", message);
            }

            return null;
        }
    }

    // Pasted keys arrive with Windows line ends or without the final newline; OpenSSH wants neither.
    private static string Normalize(string privateKey) => privateKey.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
}
