using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Applications;

/// <summary>
/// Maps what Docker says about a server's labelled containers to Coolify's statuses of its applications and
/// databases, so the dashboard and the API show a container that crashed, restarts or turned unhealthy.
/// </summary>
public sealed class ResourceStatuses(CoolifyDbContext db)
{
    /// <summary>Updates the status of every application and database on the server from one container list.</summary>
    public async Task UpdateAsync(Server server, DockerCli docker, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.Where(a => a.Destination!.ServerId == server.Id).ToListAsync(cancellationToken);
        var databases = await db.Databases.Where(d => d.Destination!.ServerId == server.Id).ToListAsync(cancellationToken);
        var services = await db.Services.Include(s => s.Applications).Include(s => s.Databases).Where(s => s.Destination!.ServerId == server.Id).ToListAsync(cancellationToken);
        if (applications.Count == 0 && databases.Count == 0 && services.Count == 0)
        {
            return;
        }

        var all = await docker.PsAsync(cancellationToken: cancellationToken);
        var containers = all.Select(c => (LabelValue: c.Labels.GetValueOrDefault(ApplicationService.ResourceLabelKey, string.Empty), c.State, c.Status)).ToList();
        string Of(string uuid) => StatusOf([.. containers.Where(c => c.LabelValue == uuid).Select(c => (c.State, c.Status))]);
        foreach (var service in services)
        {
            UpdateService(service, all);
        }

        foreach (var application in applications)
        {
            application.Status = Of(application.Uuid);
        }

        foreach (var database in databases)
        {
            database.Status = Of(database.Uuid);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // Each compose service's status from its containers (label coolify.service.subName), the service's the worst of those
    // that count (Coolify leaves out exclude_from_hc ones): degraded when some run and some do not.
    private static void UpdateService(Services.Service service, IReadOnlyList<Docker.ContainerSummary> all)
    {
        var own = all.Where(c => c.Labels.GetValueOrDefault(ApplicationService.ResourceLabelKey) == service.Uuid).ToList();
        string Of(string name) => StatusOf([.. own.Where(c => c.Labels.GetValueOrDefault("coolify.service.subName") == name).Select(c => (c.State, c.Status))]);
        var counted = new List<string>();
        foreach (var application in service.Applications)
        {
            application.Status = Of(application.Name);
            if (!application.ExcludeFromStatus)
            {
                counted.Add(application.Status);
            }
        }

        foreach (var database in service.Databases)
        {
            database.Status = Of(database.Name);
            if (!database.ExcludeFromStatus)
            {
                counted.Add(database.Status);
            }
        }

        service.Status = counted.Distinct().ToList() switch
        {
            [] => "exited",
            [var only] => only,
            var mixed when mixed.Contains("exited") => "degraded",
            var mixed => mixed.FirstOrDefault(s => s.EndsWith("unhealthy", StringComparison.Ordinal)) ?? mixed.FirstOrDefault(s => s.StartsWith("starting", StringComparison.Ordinal))
                ?? mixed.FirstOrDefault(s => s.EndsWith("unknown", StringComparison.Ordinal)) ?? mixed[0],
        };
    }

    /// <summary>
    /// Coolify's status words: <c>running:healthy</c>, <c>running:unhealthy</c>, <c>running:unknown</c> (no health
    /// check), <c>starting:unknown</c> (health check not decided yet), <c>restarting</c>, <c>degraded</c> (running
    /// containers disagree), <c>exited</c>.
    /// </summary>
    public static string StatusOf(IReadOnlyList<(string State, string Status)> containers)
    {
        if (containers.Any(c => c.State == "restarting"))
        {
            return "restarting";
        }

        var health = containers.Where(c => c.State == "running").Select(c => HealthOf(c.Status)).Distinct().ToList();
        return health switch
        {
            [] => "exited",
            [var only] => only == "starting" ? "starting:unknown" : $"running:{only}",
            // A rollout in progress: the old one serves, and says how it is.
            _ when health.Contains("starting") && !health.Contains("unhealthy") => health.Contains("healthy") ? "running:healthy" : "running:unknown",
            _ => "degraded",
        };
    }

    // docker ps's status column: "Up 5 minutes (healthy)", "Up 3 seconds (health: starting)", "Up 2 hours".
    private static string HealthOf(string status) =>
        status.Contains("(healthy)", StringComparison.Ordinal) ? "healthy"
        : status.Contains("(unhealthy)", StringComparison.Ordinal) ? "unhealthy"
        : status.Contains("(health: starting)", StringComparison.Ordinal) ? "starting"
        : "unknown";
}
