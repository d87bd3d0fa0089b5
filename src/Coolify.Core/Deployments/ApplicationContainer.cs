using Coolify.Core.Applications;
using Coolify.Core.Commands;
using Coolify.Core.Docker;

namespace Coolify.Core.Deployments;

/// <summary>How an application's settings become a container: labels, ports, limits, restart policy and health check.</summary>
internal static class ApplicationContainer
{
    /// <param name="volumes">Mounts, <c>source:target</c>.</param>
    /// <param name="filesArchive">The file mounts' archive on the server, if there are any.</param>
    public static DockerRun For(
        Application application, string name, string image, string network, string deploymentUuid, EnvironmentFile environment, IReadOnlyList<string> volumes,
        string? filesArchive)
    {
        // The user's labels first: ours come last and cannot be overridden (their keys are refused anyway).
        string[] labels =
        [
            .. (application.CustomLabels ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ApplicationService.ResourceLabel(application.Uuid), $"coolify.deployment={deploymentUuid}", $"coolify.name={application.Name}", "coolify.type=application",
        ];
        var ports = (application.PortsMappings ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var limits = new ContainerLimits(
            application.LimitsMemory, application.LimitsMemorySwap, application.LimitsMemorySwappiness, application.LimitsMemoryReservation,
            application.LimitsCpus, application.LimitsCpuset, application.LimitsCpuShares);
        return new DockerRun(name, image, labels, network, RestartPolicy: application.RestartPolicy, Environment: environment, Ports: ports, Limits: limits,
            HealthCheck: HealthCheck(application), Volumes: volumes, FilesArchive: filesArchive);
    }

    // Coolify's health check: the app's own command, or an HTTP request from inside the container with curl or wget
    // (whichever the image has). Every value in it is quoted: the container's shell runs it.
    private static ContainerHealthCheck? HealthCheck(Application application)
    {
        if (!application.HealthCheckEnabled)
        {
            return null;
        }

        string command;
        if (application.HealthCheckType == "cmd" && !string.IsNullOrWhiteSpace(application.HealthCheckCommand))
        {
            command = application.HealthCheckCommand;
        }
        else
        {
            var port = application.HealthCheckPort ?? application.PortsExposes.Split(',')[0];
            var url = ShellQuote.Quote($"{application.HealthCheckScheme}://{application.HealthCheckHost}:{port}{application.HealthCheckPath}");
            var method = ShellQuote.Quote(application.HealthCheckMethod);
            command = $"curl -s -X {method} -f {url} > /dev/null || wget -q -O- {url} > /dev/null || exit 1";
        }

        return new ContainerHealthCheck(command, application.HealthCheckInterval, application.HealthCheckTimeout, application.HealthCheckRetries, application.HealthCheckStartPeriod);
    }

    /// <summary>A deployment command run in a container (<c>docker exec name sh -c command</c>): the user's text, one argument.</summary>
    public static IReadOnlyList<string> ShellIn(string command) => ["sh", "-c", command];
}
