using System.Net;
using System.Net.Sockets;
using Coolify.Core.Common;

namespace Coolify.Web.Hosting;

/// <summary>
/// Tries each address the host will listen on before the host starts, so "port in use" is one clear line
/// instead of Kestrel's failure and stack trace. Kestrel's own error still covers the tiny race after this.
/// </summary>
internal static class ListenAddressCheck
{
    public static void EnsureAvailable(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var endpoint = ToEndPoint(url);
            if (endpoint is null)
            {
                continue;
            }

            using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(endpoint);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                var reason = ex.SocketErrorCode is SocketError.AccessDenied ? "is not allowed for this user" : "is already in use";
                throw new ConfigurationException(
                    $"cannot listen on {url}: port {endpoint.Port} {reason}. Stop the other process or choose another address with --urls or ASPNETCORE_URLS.");
            }
        }
    }

    private static IPEndPoint? ToEndPoint(string url)
    {
        // Kestrel's wildcards (*, +) are not valid URI hosts: read them as "all addresses".
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var host = uri.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, uri.Port);
        }

        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, uri.Port) : null;
    }
}
