using Coolify.Core.Services.Catalog;

namespace Coolify.Infrastructure.Services;

/// <summary>
/// Fetches the template feed over HTTP with a short timeout: an instance without internet access finds out in
/// seconds and keeps its cached or built-in templates.
/// </summary>
public sealed class HttpServiceTemplateDownloader : IServiceTemplateDownloader, IDisposable
{
    // Coolify's feed is about 1 MB; far more is not a template feed.
    private const long MaxFeedBytes = 32 * 1024 * 1024;

    private readonly HttpClient _client;

    public HttpServiceTemplateDownloader(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = timeout, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        _client = new HttpClient(handler) { Timeout = timeout, MaxResponseContentBufferSize = MaxFeedBytes };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Coolify.NET");
    }

    public async Task<string> DownloadAsync(Uri feed, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(feed, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public void Dispose() => _client.Dispose();
}
