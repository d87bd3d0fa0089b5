using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Coolify.Web.Tests.Proxy;

/// <summary>Requests to the host's proxy on 127.0.0.1, addressed by host name (no DNS needed).</summary>
internal static class ProxyClient
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static HttpClient Create() => new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(
        HttpClient http, string host, string path = "/", (string User, string Password)? credentials = null, int port = 80)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{path}"));
        request.Headers.Host = host;
        if (credentials is { } c)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{c.User}:{c.Password}")));
        }

        var response = await http.SendAsync(request, Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token), response);
    }

    /// <summary>
    /// GET https://<paramref name="host"/>/ through the proxy on 127.0.0.1:443 (the host name goes in SNI and Host),
    /// accepting the certificate only when <paramref name="accept"/> does; also returns the certificate presented.
    /// </summary>
    public static async Task<(string Body, X509Certificate2 Certificate)> HttpsAsync(string host, Func<X509Certificate2, X509Chain, bool> accept, CancellationToken cancellationToken)
    {
        X509Certificate2? presented = null;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, 443, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                {
                    if (certificate is null || chain is null)
                    {
                        return false;
                    }

                    presented = new X509Certificate2(certificate);
                    return accept(presented, chain);
                },
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var body = await client.GetStringAsync(new Uri($"https://{host}/"), cancellationToken);
        return (body, presented!);
    }
}
