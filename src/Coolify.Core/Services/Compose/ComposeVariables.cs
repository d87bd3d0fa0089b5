using Coolify.Core.Services.Magic;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// The values a compose file is filled in with: the resource's variables, a value that refers to others
/// (<c>POSTGRES_PASSWORD=$SERVICE_PASSWORD_PG</c>, as Coolify's .env allows) read through unless literal, and
/// <c>SERVICE_NAME_&lt;NAME&gt;</c> for every compose service.
/// </summary>
internal static partial class ComposeVariables
{
    private const int MaxDepth = 8;

    public static Dictionary<string, string> Resolve(ComposeRenderContext context, ComposeMap document)
    {
        var names = (document["services"] as ComposeMap)?.Keys ?? [];
        var raw = new Dictionary<string, string>(context.Variables, StringComparer.Ordinal);
        foreach (var service in names)
        {
            raw[$"{MagicName.Prefix}NAME_{service.Replace('-', '_').Replace('.', '_').ToUpperInvariant()}"] = service;
        }

        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in raw.Keys)
        {
            Value(key, raw, context.LiteralVariables, resolved, 0);
        }

        return resolved;
    }

    /// <summary>
    /// A volume whose source is only a variable that has no value (<c>${APP_VOLUME}:/data</c>) becomes a named volume
    /// called after the variable, as Coolify makes it, rather than an empty source Compose would refuse.
    /// </summary>
    public static void NameUnsetVolumes(ComposeMap document, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var service in ((ComposeMap)document["services"]!).Entries.Select(e => e.Value).OfType<ComposeMap>())
        {
            if (service["volumes"] is not ComposeList volumes)
            {
                continue;
            }

            for (var i = 0; i < volumes.Items.Count; i++)
            {
                if (volumes.Items[i] is ComposeScalar { IsNull: false } entry && OnlyVariable().Match(entry.Value) is { Success: true } match
                    && string.IsNullOrEmpty(variables.GetValueOrDefault(match.Groups["name"].Value)))
                {
                    volumes.Items[i] = ComposeScalar.Text(match.Groups["name"].Value.ToLowerInvariant() + entry.Value[match.Length..]);
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A(?:\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*))(?=:)")]
    private static partial System.Text.RegularExpressions.Regex OnlyVariable();

    // Each value resolved once (memoised: a chain of references costs its length, not its fan-out); a cycle, or one
    // deeper than MaxDepth, stays as written.
    private static string Value(string key, Dictionary<string, string> raw, IReadOnlySet<string> literal, Dictionary<string, string> resolved, int depth)
    {
        if (resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        var value = raw.GetValueOrDefault(key) ?? string.Empty;
        if (literal.Contains(key) || depth >= MaxDepth || !value.Contains('$'))
        {
            return resolved[key] = value;
        }

        resolved[key] = value; // a reference back to this key while resolving it reads it as written
        try
        {
            // Only a value whose every reference names a variable is read through: a typed password like "pa$word" stays as typed.
            return resolved[key] = ComposeInterpolation.References(value).All(r => raw.ContainsKey(r.Name))
                ? ComposeInterpolation.Apply(value, name => Value(name, raw, literal, resolved, depth + 1))
                : value;
        }
        catch (ComposeInterpolationException)
        {
            return resolved[key] = value;
        }
    }
}
