using Coolify.Core.Services.Magic;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// The values a compose file is filled in with: the resource's variables, a value that refers to others
/// (<c>POSTGRES_PASSWORD=$SERVICE_PASSWORD_PG</c>, as Coolify's .env allows) read through unless literal, and
/// <c>SERVICE_NAME_&lt;NAME&gt;</c> for every compose service.
/// </summary>
internal static class ComposeVariables
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
            resolved[key] = Value(key, raw, context.LiteralVariables, 0);
        }

        return resolved;
    }

    private static string Value(string key, Dictionary<string, string> raw, IReadOnlySet<string> literal, int depth)
    {
        var value = raw.GetValueOrDefault(key) ?? string.Empty;
        if (literal.Contains(key) || depth >= MaxDepth || !value.Contains('$'))
        {
            return value;
        }

        try
        {
            // Only a value whose every reference names a variable is read through: a typed password like "pa$word" stays as typed.
            return ComposeInterpolation.References(value).All(r => raw.ContainsKey(r.Name))
                ? ComposeInterpolation.Apply(value, name => Value(name, raw, literal, depth + 1))
                : value;
        }
        catch (ComposeInterpolationException)
        {
            return value;
        }
    }
}
