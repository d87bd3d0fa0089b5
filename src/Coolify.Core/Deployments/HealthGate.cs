using System.Globalization;
using System.Text.Json;
using Coolify.Core.Applications;
using Coolify.Core.Docker;

namespace Coolify.Core.Deployments;

/// <summary>
/// The rollout's gate: waits for a new container to become healthy (its own <c>HEALTHCHECK</c> or the application's),
/// or to be running once the start period is over when it has no health check; gives up when it exits, turns
/// unhealthy, is restarted by its restart policy, or the retries run out.
/// </summary>
internal static class HealthGate
{
    /// <returns>The application's status once healthy (Coolify's running:healthy, or running:unknown without a health check); null when it never became healthy.</returns>
    public static async Task<string?> WaitAsync(DockerCli docker, string name, Application application, DeploymentLog log, CancellationToken cancellationToken)
    {
        var startPeriod = TimeSpan.FromSeconds(Math.Max(1, application.HealthCheckStartPeriod));
        var deadline = startPeriod + TimeSpan.FromSeconds(Math.Max(1, application.HealthCheckInterval) * Math.Max(1, application.HealthCheckRetries));
        var started = TimeProvider.System.GetTimestamp();
        string? lastState = null;
        while (true)
        {
            // Closely at first (most containers are healthy within seconds, and the rollout waits on it), then gently.
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            await Task.Delay(elapsed < TimeSpan.FromSeconds(10) ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromMilliseconds(500), cancellationToken);
            elapsed = TimeProvider.System.GetElapsedTime(started);
            var inspect = await docker.InspectContainerAsync(name, cancellationToken);
            var state = inspect is { } found && found.TryGetProperty("State", out var s) ? s : (JsonElement?)null;
            var status = state?.GetProperty("Status").GetString() ?? "missing";
            // A process that exits is restarted by the restart policy: between restarts it looks "running".
            var restarts = inspect is { } withCount && withCount.TryGetProperty("RestartCount", out var count) ? count.GetInt32() : 0;
            if (restarts > 0)
            {
                await log.InfoAsync($"The container exited and was restarted {restarts} time(s).");
                return null;
            }

            var health = state is { } st && st.TryGetProperty("Health", out var h) ? h.GetProperty("Status").GetString() : null;
            var described = health is null ? status : $"{status}, {health}";
            if (described != lastState)
            {
                await log.InfoAsync($"Container is {described} ({elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s).", hidden: false);
                lastState = described;
            }

            if (status is "exited" or "dead" or "missing" || health == "unhealthy")
            {
                return null;
            }

            if (health == "healthy" || (health is null && status == "running" && elapsed >= startPeriod))
            {
                return health == "healthy" ? "running:healthy" : "running:unknown";
            }

            if (elapsed > deadline)
            {
                await log.InfoAsync($"Still not healthy after {deadline.TotalSeconds:0} s.");
                return null;
            }
        }
    }
}
