using Microsoft.Extensions.Logging;

namespace Coolify.Core.Services.Catalog;

/// <summary>
/// The one-click service catalog of this process (a singleton): Coolify's feed, downloaded at most every
/// <see cref="ServiceTemplateCatalogOptions.RefreshInterval"/> and cached in the data directory, merged with the
/// built-in templates. Nobody waits on the network: a caller gets what is there (cache, else built-in templates)
/// while a download runs in the background; only a catalog with nothing but built-in templates waits a moment
/// (<see cref="ServiceTemplateCatalogOptions.FirstLoadWait"/>) for it.
/// </summary>
public sealed partial class ServiceTemplateCatalog(
    IServiceTemplateDownloader downloader, ServiceTemplateCatalogOptions options, TimeProvider time, ILogger<ServiceTemplateCatalog> logger)
{
    private readonly Lock _gate = new();
    private Task<ServiceTemplateSnapshot>? _offline;
    private ServiceTemplateSnapshot? _current;
    private Task? _refresh;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    /// <summary>The catalog now, starting a download in the background when one is due.</summary>
    public async Task<ServiceTemplateSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current ?? await OfflineAsync().WaitAsync(cancellationToken);
        var refresh = StartRefreshIfDue();
        if (refresh is not null && current.Source == ServiceTemplateSource.BuiltIn)
        {
            try
            {
                await refresh.WaitAsync(options.FirstLoadWait, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The download goes on; this caller makes do with the built-in templates.
            }
        }

        return _current ?? current;
    }

    public async Task<IReadOnlyList<ServiceTemplate>> ListAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Templates;

    public async Task<ServiceTemplate?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Find(name);

    /// <summary>Downloads the feed now (or joins the download under way), whenever the last one was.</summary>
    public async Task<ServiceTemplateSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        // The cache is read first, so it can never replace what this download brings.
        await OfflineAsync().WaitAsync(cancellationToken);
        Task? refresh;
        lock (_gate)
        {
            refresh = _refresh is { IsCompleted: false } running ? running : options.FeedUrl is null ? null : _refresh = StartRefresh();
        }

        if (refresh is not null)
        {
            await refresh.WaitAsync(cancellationToken);
        }

        return _current!;
    }

    private Task<ServiceTemplateSnapshot> OfflineAsync()
    {
        lock (_gate)
        {
            return _offline ??= Task.Run(LoadOfflineAsync);
        }
    }

    private Task? StartRefreshIfDue()
    {
        lock (_gate)
        {
            if (options.FeedUrl is null || _refresh is { IsCompleted: false } || time.GetUtcNow() < _nextAttempt)
            {
                return _refresh is { IsCompleted: false } ? _refresh : null;
            }

            return _refresh = StartRefresh();
        }
    }

    // Called under the lock. Until this download succeeds, the next waits for the retry delay.
    private Task StartRefresh()
    {
        _nextAttempt = time.GetUtcNow() + options.RetryAfterFailure;
        return Task.Run(DownloadAsync);
    }

    private async Task<ServiceTemplateSnapshot> LoadOfflineAsync()
    {
        var snapshot = ServiceTemplateSnapshot.Merge([], ServiceTemplateSource.BuiltIn);
        try
        {
            if (File.Exists(options.CacheFile))
            {
                var feed = ServiceTemplateFeedFormat.Parse(await File.ReadAllTextAsync(options.CacheFile));
                if (feed.Templates.Count > 0)
                {
                    snapshot = ServiceTemplateSnapshot.Merge(feed.Templates, ServiceTemplateSource.Cache);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            LogCacheUnreadable(options.CacheFile, ex.Message);
        }

        lock (_gate)
        {
            // A download that finished first is newer than the cache.
            _current ??= snapshot;
            return _current;
        }
    }

    private async Task DownloadAsync()
    {
        try
        {
            var json = await downloader.DownloadAsync(options.FeedUrl!, CancellationToken.None);
            var feed = ServiceTemplateFeedFormat.Parse(json);
            if (feed.Templates.Count == 0)
            {
                throw new FormatException("it holds no usable template");
            }

            await WriteCacheAsync(json);
            lock (_gate)
            {
                _current = ServiceTemplateSnapshot.Merge(feed.Templates, ServiceTemplateSource.Feed);
                _nextAttempt = time.GetUtcNow() + options.RefreshInterval;
            }

            LogDownloaded(feed.Templates.Count, options.FeedUrl!, feed.Skipped.Count);
        }
        catch (Exception ex)
        {
            // Whatever the feed does (no network, an error page, a timeout, garbage), the catalog stays as it was.
            LogDownloadFailed(options.FeedUrl!, ex.Message);
        }
    }

    private async Task WriteCacheAsync(string json)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.CacheFile))!);
            // Written beside and moved over, so a reader never sees half a file.
            var temporary = $"{options.CacheFile}.{Environment.ProcessId}.tmp";
            await File.WriteAllTextAsync(temporary, json);
            File.Move(temporary, options.CacheFile, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCacheUnwritable(options.CacheFile, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloaded {Count} service templates from {Feed} ({Skipped} unusable entries skipped)")]
    private partial void LogDownloaded(int count, Uri feed, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not download the service templates from {Feed} ({Reason}); the catalog keeps its cached or built-in templates")]
    private partial void LogDownloadFailed(Uri feed, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cached service templates in {File} are unreadable ({Reason}); using the built-in templates")]
    private partial void LogCacheUnreadable(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not cache the service templates in {File} ({Reason})")]
    private partial void LogCacheUnwritable(string file, string reason);
}
