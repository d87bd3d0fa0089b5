using System.Globalization;
using System.Text.RegularExpressions;
using Coolify.Core.Common;

namespace Coolify.Core.Proxy;

/// <summary>
/// One entry of a resource's domains, in Coolify's terms: <c>http(s)://host[:port][/path]</c>, where the port picks
/// the container port the proxy forwards to (not a port the proxy listens on) and the path is a route prefix.
/// </summary>
public sealed partial record ProxyDomain(bool Https, string Host, int? Port, string Path)
{
    public const int MaxHostLength = 253;

    public string Scheme => Https ? "https" : "http";

    /// <summary>The address as the user writes it (lower-case host, no trailing slash on the path).</summary>
    public override string ToString() =>
        $"{Scheme}://{Host}{(Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : string.Empty)}{(Path == "/" ? string.Empty : Path)}";

    /// <summary>
    /// The comma-separated domains of a resource, each checked before any of it can reach a configuration file:
    /// ASCII host names only (internationalised names in their <c>xn--</c> form, so a look-alike letter cannot
    /// pass for another), labels of letters, digits and inner hyphens, plain path segments. Errors go to
    /// <paramref name="field"/> of <paramref name="rules"/>; the result is the normalised list.
    /// </summary>
    public static IReadOnlyList<ProxyDomain> ParseList(InputRules rules, string field, string? value)
    {
        var domains = new List<ProxyDomain>();
        foreach (var entry in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParse(entry, out var domain, out var problem))
            {
                domains.Add(domain);
            }
            else
            {
                rules.Add(field, $"'{Shown(entry)}' {problem}");
            }
        }

        return domains;
    }

    /// <summary>Reads one stored, already validated entry list (see <see cref="ParseList"/>); invalid entries are skipped.</summary>
    public static IReadOnlyList<ProxyDomain> ReadStored(string? value) =>
        [.. (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => TryParse(entry, out var domain, out _) ? domain : null).OfType<ProxyDomain>()];

    public static bool TryParse(string entry, out ProxyDomain domain, out string problem)
    {
        domain = null!;
        problem = string.Empty;
        if (entry.Any(c => c > 127))
        {
            problem = "has characters outside ASCII: write an internationalised name in its xn-- form.";
            return false;
        }

        var match = UrlPattern().Match(entry);
        if (!match.Success)
        {
            problem = "is not a URL like https://app.example.com (http or https, a host name, optional :port and /path).";
            return false;
        }

        var host = match.Groups["host"].Value.ToLowerInvariant();
        if (host.Length > MaxHostLength || host.Split('.').Any(label => label.Length > 63))
        {
            problem = $"has a host name longer than DNS allows ({MaxHostLength} characters, 63 per label).";
            return false;
        }

        int? port = null;
        if (match.Groups["port"].Success)
        {
            if (!int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                problem = "has a port outside 1-65535.";
                return false;
            }

            port = number;
        }

        var path = match.Groups["path"].Success ? match.Groups["path"].Value.TrimEnd('/') : string.Empty;
        domain = new ProxyDomain(match.Groups["scheme"].Value.Equals("https", StringComparison.OrdinalIgnoreCase), host, port, path.Length == 0 ? "/" : path);
        return true;
    }

    // What goes back in an error message: bounded, control characters made visible.
    private static string Shown(string entry) =>
        new([.. (entry.Length > 80 ? entry[..80] + "…" : entry).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex(@"^(?<scheme>[Hh][Tt][Tt][Pp][Ss]?)://(?<host>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::(?<port>[0-9]{1,5}))?(?<path>(?:/[A-Za-z0-9._~-]+)*/?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
