using System.Data.Common;
using System.Net.Sockets;
using Coolify.Core.Persistence;
using Coolify.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coolify.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema at start-up and seeds the rows that must always exist.</summary>
public sealed class DatabaseInitializer(CoolifyDbContext db, DatabaseSettings settings, ILogger<DatabaseInitializer> logger)
{
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or refused us.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAndSeedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException || ex.InnerException is DbException or SocketException)
        {
            throw new DatabaseUnavailableException($"cannot open the database ({settings.Describe()}): {Innermost(ex)}", ex);
        }
    }

    private static string Innermost(Exception ex)
    {
        var messages = new List<string>();
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (messages.Count == 0 || !messages[^1].Contains(current.Message, StringComparison.Ordinal))
            {
                messages.Add(current.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", messages).ReplaceLineEndings(" ");
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Database}", pending.Count, settings.Describe());
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (settings.Provider is DatabaseProvider.Sqlite)
        {
            // WAL lets the dashboard read while a worker writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (!await db.InstanceSettings.AnyAsync(cancellationToken))
        {
            db.InstanceSettings.Add(new InstanceSettings());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
