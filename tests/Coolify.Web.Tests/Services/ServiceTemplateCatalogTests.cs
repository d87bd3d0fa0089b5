using System.Diagnostics;
using Coolify.Core.Services.Catalog;
using Coolify.Infrastructure.Services;
using Coolify.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coolify.Web.Tests.Services;

/// <summary>The catalog's download, cache and fallbacks, against a stand-in for Coolify's CDN on a loopback port.</summary>
public sealed class ServiceTemplateCatalogTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly HttpServiceTemplateDownloader _downloader = new(TimeSpan.FromSeconds(2));
    private TemplateFeedServer _feed = null!;

    private string CacheFile => Path.Combine(_data.Path, "service-templates.json");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _feed = await TemplateFeedServer.StartAsync();

    private ServiceTemplateCatalog Catalog(Uri? feed = null, TimeProvider? time = null, TimeSpan? firstLoadWait = null) =>
        new(_downloader, new ServiceTemplateCatalogOptions(feed ?? _feed.FeedUrl, CacheFile) { FirstLoadWait = firstLoadWait ?? TimeSpan.FromSeconds(2) },
            time ?? TimeProvider.System, NullLogger<ServiceTemplateCatalog>.Instance);

    [Fact]
    public async Task GetAsync_FeedAnswers_ServesItWithTheBuiltInsItLacks_AndCachesIt()
    {
        var snapshot = await Catalog().GetAsync(Token);

        Assert.Equal(ServiceTemplateSource.Feed, snapshot.Source);
        Assert.Equal("A wiki only the feed has.", snapshot.Find("wiki-from-feed")?.Slogan);
        // The feed's uptime-kuma wins over the built-in one; the built-ins it lacks are added.
        Assert.Equal("Uptime Kuma from the feed.", snapshot.Find("uptime-kuma")?.Slogan);
        Assert.Equal(BuiltInServiceTemplates.All.Count + 1, snapshot.Templates.Count);
        Assert.NotNull(snapshot.Find("hello-web"));
        Assert.Equal(_feed.Body, await File.ReadAllTextAsync(CacheFile, Token));
    }

    [Fact]
    public async Task RefreshAsync_FeedDown_KeepsTheCachedCopy()
    {
        await Catalog().RefreshAsync(Token);
        await _feed.StopAsync();
        var restarted = Catalog();

        var snapshot = await restarted.RefreshAsync(Token);

        Assert.Equal(ServiceTemplateSource.Cache, snapshot.Source);
        Assert.NotNull(snapshot.Find("wiki-from-feed"));
        Assert.Equal("Uptime Kuma from the feed.", snapshot.Find("uptime-kuma")?.Slogan);
    }

    [Fact]
    public async Task GetAsync_NoCacheAndFeedDown_ServesTheBuiltInTemplates()
    {
        await _feed.StopAsync();

        var snapshot = await Catalog().GetAsync(Token);

        Assert.Equal(ServiceTemplateSource.BuiltIn, snapshot.Source);
        Assert.Equal(BuiltInServiceTemplates.All.Select(t => t.Name), snapshot.Templates.Select(t => t.Name));
        Assert.False(File.Exists(CacheFile));
    }

    [Fact]
    public async Task GetAsync_FeedHangs_AnswersAfterTheShortWait_WithTheBuiltIns()
    {
        _feed.Delay = TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();

        var snapshot = await Catalog(firstLoadWait: TimeSpan.FromMilliseconds(300)).GetAsync(Token);

        Assert.Equal(ServiceTemplateSource.BuiltIn, snapshot.Source);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"the catalog took {watch.Elapsed} to answer");
    }

    [Fact]
    public async Task DownloadAsync_FeedHangs_GivesUpAtTheTimeout()
    {
        _feed.Delay = TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _downloader.DownloadAsync(_feed.FeedUrl, Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the download took {watch.Elapsed} to give up");
    }

    [Fact]
    public async Task RefreshAsync_FeedAnswersGarbage_KeepsTheGoodCache()
    {
        await Catalog().RefreshAsync(Token);
        var good = await File.ReadAllTextAsync(CacheFile, Token);
        _feed.Body = "<html>502 Bad Gateway</html>";

        var snapshot = await Catalog().RefreshAsync(Token);

        Assert.Equal(ServiceTemplateSource.Cache, snapshot.Source);
        Assert.Equal(good, await File.ReadAllTextAsync(CacheFile, Token));
    }

    [Fact]
    public async Task GetAsync_DownloadsAtMostOncePerRefreshInterval()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var catalog = Catalog(time: clock);
        await catalog.GetAsync(Token);
        Assert.Equal(1, _feed.Requests);

        clock.Now += TimeSpan.FromHours(5);
        await catalog.GetAsync(Token);
        Assert.Equal(1, _feed.Requests);

        _feed.Body = TemplateFeedServer.Feed(("newer-template", "Added later.", "development"));
        _feed.Delay = TimeSpan.FromMilliseconds(300);
        clock.Now += TimeSpan.FromHours(2);
        var due = await catalog.GetAsync(Token);

        // The due download runs in the background: the caller already had a catalog to show.
        Assert.Null(due.Find("newer-template"));
        var deadline = Stopwatch.StartNew();
        while ((await catalog.GetAsync(Token)).Find("newer-template") is null && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Token);
        }

        Assert.NotNull((await catalog.GetAsync(Token)).Find("newer-template"));
        Assert.Equal(2, _feed.Requests);
    }

    [Fact]
    public async Task GetAsync_FeedTurnedOff_NeverDownloads()
    {
        var off = new ServiceTemplateCatalog(_downloader, new ServiceTemplateCatalogOptions(null, CacheFile), TimeProvider.System, NullLogger<ServiceTemplateCatalog>.Instance);

        var snapshot = await off.RefreshAsync(Token);

        Assert.Equal(ServiceTemplateSource.BuiltIn, snapshot.Source);
        Assert.Equal(0, _feed.Requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _feed.DisposeAsync();
        _downloader.Dispose();
        _data.Dispose();
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
