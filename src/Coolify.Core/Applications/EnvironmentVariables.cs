using System.Text.RegularExpressions;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Applications;

/// <summary>
/// An application's environment variables: keys unique per set (normal or preview), values encrypted at rest,
/// shown-once values never readable again. A bulk change is checked whole before anything is stored.
/// </summary>
public sealed partial class EnvironmentVariables(CoolifyDbContext db, Audit.AuditLog audit)
{
    public async Task<List<EnvironmentVariable>> ListAsync(TeamScope scope, string? applicationUuid, CancellationToken cancellationToken)
    {
        var application = await FindApplicationAsync(scope, applicationUuid, cancellationToken);
        return await For(application.Id).AsNoTracking().OrderBy(v => v.IsPreview).ThenBy(v => v.Order).ThenBy(v => v.Key).ToListAsync(cancellationToken);
    }

    /// <exception cref="ConflictException">The key exists already in that set (update it with PATCH).</exception>
    public async Task<EnvironmentVariable> CreateAsync(TeamScope scope, string? applicationUuid, EnvironmentVariableChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await FindApplicationAsync(scope, applicationUuid, cancellationToken);
        var rules = new InputRules();
        var key = Key(rules, "key", change.Key);
        var value = Value(rules, "value", change.Value);
        rules.ThrowIfInvalid();
        var preview = change.IsPreview ?? false;
        if (await For(application.Id).AnyAsync(v => v.Key == key && v.IsPreview == preview, cancellationToken))
        {
            throw new ConflictException($"Environment variable {key} already exists. Use PATCH request to update it.");
        }

        var variable = new EnvironmentVariable { ResourceableType = ResourceKind.Application, ResourceableId = application.Id, Key = key, Value = value };
        Apply(variable, change);
        db.EnvironmentVariables.Add(variable);
        audit.Add("environment_variable.created", scope.Access.UserId, scope.Access.TeamId, $"{key} of {application.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return variable;
    }

    /// <summary>Changes the variable with the change's key (Coolify's PATCH addresses variables by key).</summary>
    public async Task<EnvironmentVariable> UpdateAsync(TeamScope scope, string? applicationUuid, EnvironmentVariableChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await FindApplicationAsync(scope, applicationUuid, cancellationToken);
        var rules = new InputRules();
        var key = Key(rules, "key", change.Key);
        var value = change.Value is null ? null : Value(rules, "value", change.Value);
        rules.ThrowIfInvalid();
        var preview = change.IsPreview ?? false;
        var variable = await For(application.Id).SingleOrDefaultAsync(v => v.Key == key && v.IsPreview == preview, cancellationToken) ?? throw new NotFoundException();
        variable.Value = value ?? variable.Value;
        Apply(variable, change);
        audit.Add("environment_variable.updated", scope.Access.UserId, scope.Access.TeamId, $"{key} of {application.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return variable;
    }

    /// <summary>Creates or changes each listed variable; all are checked first, so a bad one changes nothing.</summary>
    public async Task<List<EnvironmentVariable>> UpsertManyAsync(
        TeamScope scope, string? applicationUuid, IReadOnlyList<EnvironmentVariableChange> changes, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await FindApplicationAsync(scope, applicationUuid, cancellationToken);
        var rules = new InputRules();
        var checkedChanges = changes.Select((c, i) => (Change: c, Key: Key(rules, $"data.{i}.key", c.Key), Value: Value(rules, $"data.{i}.value", c.Value))).ToList();
        rules.ThrowIfInvalid();

        var existing = await For(application.Id).ToListAsync(cancellationToken);
        var result = new List<EnvironmentVariable>();
        foreach (var (change, key, value) in checkedChanges)
        {
            var preview = change.IsPreview ?? false;
            var variable = existing.SingleOrDefault(v => v.Key == key && v.IsPreview == preview);
            if (variable is null)
            {
                variable = new EnvironmentVariable { ResourceableType = ResourceKind.Application, ResourceableId = application.Id, Key = key };
                db.EnvironmentVariables.Add(variable);
                existing.Add(variable);
            }

            variable.Value = value;
            Apply(variable, change);
            result.Add(variable);
        }

        audit.Add("environment_variable.bulk_updated", scope.Access.UserId, scope.Access.TeamId, $"{changes.Count} of {application.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public async Task DeleteAsync(TeamScope scope, string? applicationUuid, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await FindApplicationAsync(scope, applicationUuid, cancellationToken);
        var variable = await For(application.Id).SingleOrDefaultAsync(v => v.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        db.EnvironmentVariables.Remove(variable);
        audit.Add("environment_variable.deleted", scope.Access.UserId, scope.Access.TeamId, $"{variable.Key} of {application.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<EnvironmentVariable> For(int applicationId) =>
        db.EnvironmentVariables.Where(v => v.ResourceableType == ResourceKind.Application && v.ResourceableId == applicationId);

    private static async Task<Application> FindApplicationAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

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
        if (trimmed.Length is 0 or > 255 || !KeyPattern().IsMatch(trimmed))
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
