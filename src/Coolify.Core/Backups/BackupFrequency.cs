using Cronos;

namespace Coolify.Core.Backups;

/// <summary>A schedule's frequency: a five-field cron expression or one of Coolify's words, in UTC.</summary>
public static class BackupFrequency
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["every_minute"] = "* * * * *", ["hourly"] = "0 * * * *", ["@hourly"] = "0 * * * *", ["daily"] = "0 0 * * *", ["@daily"] = "0 0 * * *",
        ["weekly"] = "0 0 * * 0", ["@weekly"] = "0 0 * * 0", ["monthly"] = "0 0 1 * *", ["@monthly"] = "0 0 1 * *", ["yearly"] = "0 0 1 1 *", ["@yearly"] = "0 0 1 1 *",
    };

    public static CronExpression? TryParse(string? frequency)
    {
        var text = frequency?.Trim() ?? string.Empty;
        text = Words.GetValueOrDefault(text, text);
        return text.Length is > 0 and <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '*' or '/' or ',' or '-' or '?' or '#')
            && CronExpression.TryParse(text, CronFormat.Standard, out var cron) ? cron : null;
    }

    /// <summary>The latest due time in (<paramref name="after"/>, <paramref name="now"/>], if there is one.</summary>
    public static DateTime? DueSince(CronExpression cron, DateTime after, DateTime now) =>
        cron.GetOccurrences(after, now, TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true).Select(d => (DateTime?)d).LastOrDefault();
}
