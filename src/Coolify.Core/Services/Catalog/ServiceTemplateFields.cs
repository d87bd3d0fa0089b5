using System.Globalization;
using System.Text.RegularExpressions;

namespace Coolify.Core.Services.Catalog;

/// <summary>
/// The checks both sources of templates share. The feed is a third party's file: a name becomes a URL path segment
/// and an address becomes a link, so neither is taken on trust.
/// </summary>
internal static partial class ServiceTemplateFields
{
    public static bool IsValidName(string name) => NameRule().IsMatch(name);

    /// <summary>An absolute http(s) address, or null — never <c>javascript:</c> or the like in a link.</summary>
    public static string? WebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.OriginalString : null;

    /// <summary>A relative path without <c>..</c> (<c>svgs/ghost.svg</c>) or an absolute http(s) address.</summary>
    public static string? Logo(string? value)
    {
        var logo = value?.Trim();
        if (string.IsNullOrEmpty(logo))
        {
            return null;
        }

        if (logo.Contains(':', StringComparison.Ordinal))
        {
            return WebAddress(logo);
        }

        return LogoPathRule().IsMatch(logo) && !logo.Split('/').Contains("..") ? logo : null;
    }

    public static int? Port(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;

    public static DateTimeOffset? Timestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public static IReadOnlyList<string> Tags(IEnumerable<string?> tags) =>
        [.. tags.Select(t => t?.Trim().ToLowerInvariant()).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NameRule();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$")]
    private static partial Regex LogoPathRule();
}
