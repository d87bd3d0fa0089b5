using System.Text.Json;
using System.Text.RegularExpressions;

namespace Coolify.Core.Databases;

/// <summary>
/// PostgreSQL's init scripts: run by the image once, on an empty data volume, in name order. A name is a plain
/// file name (Coolify once let <c>../../etc/cron.d/x</c> through: GHSA-mv4c-9x67-rrmv).
/// </summary>
public static partial class DatabaseInitScripts
{
    public sealed record Script(string Filename, string Content);

    public static IReadOnlyList<Script> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return [.. (JsonSerializer.Deserialize<List<Script>>(json, Options) ?? []).Where(s => IsFilename(s.Filename))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Write(IEnumerable<Script> scripts) => JsonSerializer.Serialize(scripts, Options);

    /// <summary>A name the image runs (<c>.sql</c>, <c>.sql.gz</c>, <c>.sh</c>) and nothing else: letters, digits, <c>._-</c>, no leading dot.</summary>
    public static bool IsFilename(string? name) => name is { Length: > 0 and <= 100 } && Filename().IsMatch(name);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*\.(sql|sql\.gz|sh)$")]
    private static partial Regex Filename();
}
