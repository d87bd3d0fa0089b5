using Coolify.Core.Common;
using Coolify.Infrastructure.Persistence;

namespace Coolify.Web.Hosting;

/// <summary>The start-up settings an operator gives through environment variables.</summary>
public sealed record CoolifyOptions(string DataDirectory, DatabaseSettings Database, Core.Builds.BuildPackImages BuildImages)
{
    public const string DataDirectoryVariable = "COOLIFY_DATA_DIR";
    public const string DatabaseUrlVariable = "COOLIFY_DATABASE_URL";
    public const int DefaultPort = 8000;

    /// <summary>The base images of the auto and static build packs: <c>COOLIFY_BUILD_IMAGE_NODE</c>, <c>_PYTHON</c>, <c>_GO</c>, <c>_RUNTIME</c>, <c>_STATIC</c>.</summary>
    private static Core.Builds.BuildPackImages LoadBuildImages(IConfiguration configuration)
    {
        var defaults = new Core.Builds.BuildPackImages();
        var rules = new InputRules();
        string Image(string name, string fallback)
        {
            var value = configuration["COOLIFY_BUILD_IMAGE_" + name];
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            return rules.DockerReference("COOLIFY_BUILD_IMAGE_" + name, value);
        }

        var images = new Core.Builds.BuildPackImages(
            Image("NODE", defaults.Node), Image("PYTHON", defaults.Python), Image("GO", defaults.Go), Image("RUNTIME", defaults.Runtime), Image("STATIC", defaults.Static));
        if (!rules.IsValid)
        {
            throw new ConfigurationException("A COOLIFY_BUILD_IMAGE_* setting is not an image reference like node:22-bookworm-slim.");
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
        return new CoolifyOptions(dataDirectory, database, LoadBuildImages(configuration));
    }
}
