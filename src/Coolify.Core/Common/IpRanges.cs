using System.Net;

namespace Coolify.Core.Common;

/// <summary>
/// The one reading of "addresses or CIDR ranges" lists (allowed API IPs, trusted proxies): entries separated by
/// commas, spaces or newlines; a bare address is a range of one.
/// </summary>
public static class IpRanges
{
    public static IReadOnlyList<string> Entries(string? list) =>
        (list ?? string.Empty).Split([',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool TryParse(string entry, out IPNetwork range)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out range);
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            range = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        range = default;
        return false;
    }

    /// <summary>Whether <paramref name="client"/> is in the list; an empty list allows everyone, an unparsable entry nobody.</summary>
    public static bool Allows(string? list, IPAddress? client)
    {
        var entries = Entries(list);
        if (entries.Count == 0)
        {
            return true;
        }

        if (client is null)
        {
            return false;
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        // Coolify treats 0.0.0.0 as "any IPv4 client".
        return entries.Any(e => e is "0.0.0.0" or "0.0.0.0/0" || (TryParse(e, out var range) && range.Contains(client)));
    }
}
