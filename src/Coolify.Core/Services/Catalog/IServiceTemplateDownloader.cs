namespace Coolify.Core.Services.Catalog;

/// <summary>Fetches the template feed document from the outside world.</summary>
public interface IServiceTemplateDownloader
{
    /// <summary>The document's text; bounded by the implementation's own timeout.</summary>
    /// <exception cref="HttpRequestException">The feed could not be fetched.</exception>
    /// <exception cref="TaskCanceledException">The feed did not answer in time.</exception>
    Task<string> DownloadAsync(Uri feed, CancellationToken cancellationToken);
}
