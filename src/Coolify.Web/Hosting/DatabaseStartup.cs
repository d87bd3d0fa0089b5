using Coolify.Infrastructure.Persistence;

namespace Coolify.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>Applies migrations and seeds before the host listens, so requests never see an old schema.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
