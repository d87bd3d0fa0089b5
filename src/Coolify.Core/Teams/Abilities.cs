namespace Coolify.Core.Teams;

/// <summary>What an API token may do (Coolify's Sanctum abilities).</summary>
public static class Abilities
{
    public const string Root = "root";
    public const string Read = "read";
    public const string ReadSensitive = "read:sensitive";
    public const string Write = "write";
    public const string WriteSensitive = "write:sensitive";
    public const string Deploy = "deploy";

    public static readonly IReadOnlyList<string> All = [Root, Read, ReadSensitive, Write, WriteSensitive, Deploy];

    public static IReadOnlySet<string> Parse(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public static string Format(IEnumerable<string> abilities) => string.Join(' ', abilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>Whether a token with <paramref name="granted"/> may do what <paramref name="required"/> names.</summary>
    public static bool Allows(IReadOnlySet<string> granted, string required) =>
        granted.Contains(Root) || granted.Contains(required)
        // write implies read; read:sensitive implies read (Coolify's hierarchy).
        || (required == Read && (granted.Contains(Write) || granted.Contains(ReadSensitive) || granted.Contains(WriteSensitive) || granted.Contains(Deploy)))
        || (required == ReadSensitive && granted.Contains(WriteSensitive));

    /// <summary>Whether the token can do more than read: members' tokens must not (checked at request time).</summary>
    public static bool ExceedsRead(IReadOnlySet<string> granted) => granted.Any(a => a != Read);
}
