using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coolify.Web.Tests.Support;

/// <summary>
/// Stands in for Coolify's CDN (a third party) on a real loopback port: the template feed at <see cref="FeedUrl"/>
/// and Coolify's public folder at <see cref="LogosUrl"/>, which has the uptime-kuma logo and nothing else.
/// </summary>
public sealed class TemplateFeedServer : IAsyncLifetime
{
    private WebApplication? _app;
    private int _requests;

    /// <summary>What the feed answers; two templates of its own and its own uptime-kuma unless a test says otherwise.</summary>
    public string Body { get; set; } = Feed(
        ("uptime-kuma", "Uptime Kuma from the feed.", "monitoring"),
        ("wiki-from-feed", "A wiki only the feed has.", "documentation"));

    /// <summary>How long the feed takes to answer.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int Requests => Volatile.Read(ref _requests);

    public Uri BaseAddress { get; private set; } = null!;

    public Uri FeedUrl => new(BaseAddress, "/coolify/service-templates-latest.json");

    public Uri LogosUrl => new(BaseAddress, "/public/");

    /// <summary>A feed in Coolify's format: each entry a one-service Compose file, base64-encoded.</summary>
    public static string Feed(params (string Name, string Slogan, string Category)[] templates) =>
        JsonSerializer.Serialize(templates.ToDictionary(t => t.Name, t => new
        {
            documentation = $"https://docs.example.com/{t.Name}",
            slogan = t.Slogan,
            compose = Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"services:\n  {t.Name}:\n    image: example/{t.Name}:1\n    environment:\n      - SERVICE_URL_APP_80\n")),
            tags = new[] { "from-feed" },
            category = t.Category,
            logo = $"svgs/{t.Name}.svg",
            minversion = "0.0.0",
            port = "80",
        }));

    public static async Task<TemplateFeedServer> StartAsync()
    {
        var server = new TemplateFeedServer();
        await server.InitializeAsync();
        return server;
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/coolify/service-templates-latest.json", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _requests);
            await Task.Delay(Delay, context.RequestAborted);
            return Results.Text(Body, "application/json");
        });
        _app.MapGet("/public/svgs/uptime-kuma.svg", () => Results.Text(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"#5cdd8b\"/></svg>", "image/svg+xml"));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The CDN goes away: its port refuses connections from now on.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
