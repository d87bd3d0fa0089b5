using System.Net;

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
        HttpClient http, string host, string path = "/", (string User, string Password)? credentials = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1{path}"));
        request.Headers.Host = host;
        if (credentials is { } c)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{c.User}:{c.Password}")));
        }

        var response = await http.SendAsync(request, Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token), response);
    }
}
