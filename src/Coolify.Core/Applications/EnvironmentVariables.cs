using System.Text.RegularExpressions;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Applications;

/// <summary>
/// The environment variables of an application or a database: keys unique per set (normal or preview), values
/// encrypted at rest, shown-once values never readable again. A bulk change is checked whole before anything is stored.
/// </summary>
public sealed partial class EnvironmentVariables(CoolifyDbContext db, Audit.AuditLog audit)
{
    public async Task<List<EnvironmentVariable>> ListAsync(TeamScope scope, ResourceRef resource, CancellationToken cancellationToken)
    {
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        return await For(owner).AsNoTracking().OrderBy(v => v.IsPreview).ThenBy(v => v.Order).ThenBy(v => v.Key).ToListAsync(cancellationToken);
    }

    /// <exception cref="ConflictException">The key exists already in that set (update it with PATCH).</exception>
    public async Task<EnvironmentVariable> CreateAsync(TeamScope scope, ResourceRef resource, EnvironmentVariableChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var rules = new InputRules();
        var key = Key(rules, "key", change.Key);
        var value = Value(rules, "value", change.Value);
        rules.ThrowIfInvalid();
        var preview = change.IsPreview ?? false;
        if (await For(owner).AnyAsync(v => v.Key == key && v.IsPreview == preview, cancellationToken))
        {
            throw new ConflictException($"Environment variable {key} already exists. Use PATCH request to update it.");
        }

        var variable = new EnvironmentVariable { ResourceableType = owner.Kind, ResourceableId = owner.Id, Key = key, Value = value };
        Apply(variable, change);
        db.EnvironmentVariables.Add(variable);
        audit.Add("environment_variable.created", scope.Access.UserId, scope.Access.TeamId, $"{key} of {owner.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return variable;
    }

    /// <summary>Changes the variable with the change's key (Coolify's PATCH addresses variables by key).</summary>
    public async Task<EnvironmentVariable> UpdateAsync(TeamScope scope, ResourceRef resource, EnvironmentVariableChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var rules = new InputRules();
        var key = Key(rules, "key", change.Key);
        var value = change.Value is null ? null : Value(rules, "value", change.Value);
        rules.ThrowIfInvalid();
        var preview = change.IsPreview ?? false;
        var variable = await For(owner).SingleOrDefaultAsync(v => v.Key == key && v.IsPreview == preview, cancellationToken) ?? throw new NotFoundException();
        variable.Value = value ?? variable.Value;
        Apply(variable, change);
        audit.Add("environment_variable.updated", scope.Access.UserId, scope.Access.TeamId, $"{key} of {owner.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return variable;
    }

    /// <summary>Creates or changes each listed variable; all are checked first, so a bad one changes nothing.</summary>
    public async Task<List<EnvironmentVariable>> UpsertManyAsync(
        TeamScope scope, ResourceRef resource, IReadOnlyList<EnvironmentVariableChange> changes, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var rules = new InputRules();
        var checkedChanges = changes.Select((c, i) => (Change: c, Key: Key(rules, $"data.{i}.key", c.Key), Value: Value(rules, $"data.{i}.value", c.Value))).ToList();
        rules.ThrowIfInvalid();

        var existing = await For(owner).ToListAsync(cancellationToken);
        var result = new List<EnvironmentVariable>();
        foreach (var (change, key, value) in checkedChanges)
        {
            var preview = change.IsPreview ?? false;
            var variable = existing.SingleOrDefault(v => v.Key == key && v.IsPreview == preview);
            if (variable is null)
            {
                variable = new EnvironmentVariable { ResourceableType = owner.Kind, ResourceableId = owner.Id, Key = key };
                db.EnvironmentVariables.Add(variable);
                existing.Add(variable);
            }

            variable.Value = value;
            Apply(variable, change);
            result.Add(variable);
        }

        audit.Add("environment_variable.bulk_updated", scope.Access.UserId, scope.Access.TeamId, $"{changes.Count} of {owner.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public async Task DeleteAsync(TeamScope scope, ResourceRef resource, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var variable = await For(owner).SingleOrDefaultAsync(v => v.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        db.EnvironmentVariables.Remove(variable);
        audit.Add("environment_variable.deleted", scope.Access.UserId, scope.Access.TeamId, $"{variable.Key} of {owner.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What a running container of the resource gets (no team check: the caller has its resource already).</summary>
    public Task<List<EnvironmentVariable>> ForRuntimeAsync(string kind, int resourceId, CancellationToken cancellationToken) =>
        For(kind, resourceId).AsNoTracking().Where(v => v.IsRuntime && !v.IsPreview).OrderBy(v => v.Order).ThenBy(v => v.Key).ToListAsync(cancellationToken);

    /// <summary>Whether <paramref name="key"/> may name a variable: what an environment file and a shell both accept.</summary>
    public static bool IsValidKey(string key) => key.Length is > 0 and <= 255 && KeyPattern().IsMatch(key);

    private IQueryable<EnvironmentVariable> For(OwnedResource owner) => For(owner.Kind, owner.Id);

    private IQueryable<EnvironmentVariable> For(string kind, int resourceId) =>
        db.EnvironmentVariables.Where(v => v.ResourceableType == kind && v.ResourceableId == resourceId);

    private static void Apply(EnvironmentVariable variable, EnvironmentVariableChange change)
    {
        variable.IsPreview = change.IsPreview ?? variable.IsPreview;
        variable.IsLiteral = change.IsLiteral ?? variable.IsLiteral;
        variable.IsMultiline = change.IsMultiline ?? (variable.Value?.Contains('\n', StringComparison.Ordinal) ?? false);
        // Once shown-once, always: the flag cannot be taken back to reveal the value.
        variable.IsShownOnce = variable.IsShownOnce || (change.IsShownOnce ?? false);
        variable.IsBuildtime = change.IsBuildtime ?? variable.IsBuildtime;
        variable.IsRuntime = change.IsRuntime ?? variable.IsRuntime;
        variable.Comment = change.Comment ?? variable.Comment;
    }

    // What an environment file and a shell both accept as a name.
    private static string Key(InputRules rules, string field, string? key)
    {
        var trimmed = key?.Trim() ?? string.Empty;
        if (!IsValidKey(trimmed))
        {
            rules.Add(field, "The key must start with a letter or '_' and contain only letters, digits and '_'.");
        }

        return trimmed;
    }

    private static string Value(InputRules rules, string field, string? value)
    {
        if (value is null)
        {
            rules.Add(field, "The value field is required.");
            return string.Empty;
        }

        if (value.Contains('\0', StringComparison.Ordinal) || value.Length > 65536)
        {
            rules.Add(field, "The value may not contain NUL characters or be longer than 64 KiB.");
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
