using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coolify.Web.Tests.Support;

/// <summary>The real host in-process, on its own SQLite data directory.</summary>
public sealed class CoolifyWebFactory : WebApplicationFactory<Program>
{
    private (string Key, string Value)[] _settings = [];

    /// <summary>A host with extra settings (environment variables as the operator would set them).</summary>
    public static CoolifyWebFactory With(params (string Key, string Value)[] settings) => new() { _settings = settings };

    public LogCapture Logs { get; } = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("coolify-web-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("COOLIFY_DATA_DIR", DataDirectory);
        // Port 0: the in-memory test server listens nowhere, so there is no port to check.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("COOLIFY_LOG_FORMAT", "simple");
        // Tests sign in far more often than a person; the test of the login limit sets its own.
        builder.UseSetting("COOLIFY_LOGIN_RATE_LIMIT", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
