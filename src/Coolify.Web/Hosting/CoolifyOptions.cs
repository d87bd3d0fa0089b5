using Coolify.Core.Common;
using Coolify.Infrastructure.Persistence;

namespace Coolify.Web.Hosting;

/// <summary>The start-up settings an operator gives through environment variables.</summary>
public sealed record CoolifyOptions(string DataDirectory, DatabaseSettings Database, Core.Builds.BuildPackImages BuildImages, Core.Proxy.ProxyImages ProxyImages)
{
    public const string DataDirectoryVariable = "COOLIFY_DATA_DIR";
    public const string DatabaseUrlVariable = "COOLIFY_DATABASE_URL";
    public const int DefaultPort = 8000;

    /// <summary>
    /// The base images of the auto and static build packs (<c>COOLIFY_BUILD_IMAGE_NODE</c>, <c>_PYTHON</c>, <c>_GO</c>,
    /// <c>_RUNTIME</c>, <c>_STATIC</c>) and the proxies' images (<c>COOLIFY_PROXY_IMAGE_CADDY</c>, <c>_TRAEFIK</c>).
    /// </summary>
    private static (Core.Builds.BuildPackImages, Core.Proxy.ProxyImages) LoadImages(IConfiguration configuration)
    {
        var build = new Core.Builds.BuildPackImages();
        var proxy = new Core.Proxy.ProxyImages();
        var rules = new InputRules();
        string Image(string variable, string fallback)
        {
            var value = configuration[variable];
            return string.IsNullOrWhiteSpace(value) ? fallback : rules.DockerReference(variable, value);
        }

        var images = (
            new Core.Builds.BuildPackImages(
                Image("COOLIFY_BUILD_IMAGE_NODE", build.Node), Image("COOLIFY_BUILD_IMAGE_PYTHON", build.Python), Image("COOLIFY_BUILD_IMAGE_GO", build.Go),
                Image("COOLIFY_BUILD_IMAGE_RUNTIME", build.Runtime), Image("COOLIFY_BUILD_IMAGE_STATIC", build.Static)),
            new Core.Proxy.ProxyImages(Image("COOLIFY_PROXY_IMAGE_CADDY", proxy.Caddy), Image("COOLIFY_PROXY_IMAGE_TRAEFIK", proxy.Traefik)));
        if (!rules.IsValid)
        {
            throw new ConfigurationException("A COOLIFY_BUILD_IMAGE_* or COOLIFY_PROXY_IMAGE_* setting is not an image reference like node:22-bookworm-slim.");
        }

        return images;
    }

    /// <exception cref="ConfigurationException">A setting is malformed or the data directory is unusable.</exception>
    public static CoolifyOptions Load(IConfiguration configuration)
    {
        var configured = configuration[DataDirectoryVariable];
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Hosting.DataDirectory.EnsureWritable(dataDirectory);
        var database = DatabaseSettings.Resolve(configuration[DatabaseUrlVariable], dataDirectory);
        var (buildImages, proxyImages) = LoadImages(configuration);
        return new CoolifyOptions(dataDirectory, database, buildImages, proxyImages);
    }
}
