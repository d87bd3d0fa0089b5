using Coolify.Core.Servers;

namespace Coolify.Core.Proxy;

/// <summary>
/// A domain for a new resource, as Coolify makes one: under the server's wildcard domain when it has one
/// (<c>https://example.com</c> → <c>https://&lt;uuid&gt;.example.com</c>), else <c>http://&lt;uuid&gt;.&lt;ip&gt;.sslip.io</c>, a
/// public DNS name that resolves to the address inside it.
/// </summary>
public static class GeneratedDomain
{
    /// <param name="publicIpv4">The instance's public address: used for the host itself, whose own address is a loopback one.</param>
    public static string For(string uuid, Server server, string? publicIpv4)
    {
        if (Uri.TryCreate(server.Settings?.WildcardDomain, UriKind.Absolute, out var wildcard) && wildcard.Scheme is "http" or "https")
        {
            return $"{wildcard.Scheme}://{uuid}.{wildcard.Host}";
        }

        var address = server.IsLocalhost && !string.IsNullOrWhiteSpace(publicIpv4) ? publicIpv4.Trim() : server.Ip;
        return $"http://{uuid}.{address}.sslip.io";
    }
}
