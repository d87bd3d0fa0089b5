namespace Coolify.Core.Docker;

/// <summary>A container to start in the background (<c>docker run -d</c>).</summary>
/// <param name="Labels">Besides <c>coolify.managed=true</c>, which every container gets.</param>
/// <param name="Command">Arguments after the image, each one argument.</param>
/// <param name="EnvFile">A file on the server with the container's environment (<c>KEY=value</c> lines): values never in argv.</param>
public sealed record DockerRun(
    string Name,
    string Image,
    IReadOnlyList<string>? Labels = null,
    string? Network = null,
    IReadOnlyList<string>? Command = null,
    string? RestartPolicy = "unless-stopped",
    string? EnvFile = null);

/// <summary>A container as <c>docker ps --format '{{json .}}'</c> describes it.</summary>
public sealed record ContainerSummary(string Id, string Name, string Image, string State, string Status, string Labels);
