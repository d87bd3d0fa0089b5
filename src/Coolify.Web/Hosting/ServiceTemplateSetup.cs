using Coolify.Core.Common;
using Coolify.Core.Services.Catalog;
using Coolify.Infrastructure.Services;
using Coolify.Web.Components.Pages.Services;

namespace Coolify.Web.Hosting;

/// <summary>
/// The one-click service catalog's settings: <c>COOLIFY_SERVICE_TEMPLATES_URL</c> (Coolify's feed by default,
/// <c>off</c> for built-in templates only) and <c>COOLIFY_SERVICE_LOGOS_URL</c> (Coolify's public folder by default,
/// <c>off</c> for neutral icons). The last good download is kept as <c>&lt;data&gt;/service-templates.json</c>.
/// </summary>
internal static class ServiceTemplateSetup
{
    public const string FeedVariable = "COOLIFY_SERVICE_TEMPLATES_URL";
    public const string LogosVariable = "COOLIFY_SERVICE_LOGOS_URL";
    public const string CacheFileName = "service-templates.json";

    // Long enough for a slow CDN, short enough that an instance without internet access gives up at once.
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddServiceTemplates(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var feed = Address(configuration, FeedVariable, ServiceTemplateCatalogOptions.CoolifyFeed);
        var logos = Address(configuration, LogosVariable, ServiceLogos.CoolifyPublicFolder);
        if (logos is not null && !logos.AbsoluteUri.EndsWith('/'))
        {
            // Relative logo paths resolve under the folder, not beside it.
            logos = new Uri(logos.AbsoluteUri + "/");
        }

        services.AddServiceTemplateCatalog(new ServiceTemplateCatalogOptions(feed, Path.Combine(dataDirectory, CacheFileName)), DownloadTimeout);
        services.AddSingleton(new ServiceLogos(logos));
        return services;
    }

    private static Uri? Address(IConfiguration configuration, string variable, Uri fallback)
    {
        var value = configuration[variable]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ConfigurationException($"{variable} is '{value}'; set an http(s) address, or off.");
    }
}
