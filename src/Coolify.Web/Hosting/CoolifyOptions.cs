using Coolify.Core.Common;
using Coolify.Infrastructure.Persistence;

namespace Coolify.Web.Hosting;

/// <summary>The start-up settings an operator gives through environment variables.</summary>
public sealed record CoolifyOptions(string DataDirectory, DatabaseSettings Database)
{
    public const string DataDirectoryVariable = "COOLIFY_DATA_DIR";
    public const string DatabaseUrlVariable = "COOLIFY_DATABASE_URL";
    public const int DefaultPort = 8000;

    /// <exception cref="ConfigurationException">A setting is malformed or the data directory is unusable.</exception>
    public static CoolifyOptions Load(IConfiguration configuration)
    {
        var configured = configuration[DataDirectoryVariable];
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Hosting.DataDirectory.EnsureWritable(dataDirectory);
        var database = DatabaseSettings.Resolve(configuration[DatabaseUrlVariable], dataDirectory);
        return new CoolifyOptions(dataDirectory, database);
    }
}
