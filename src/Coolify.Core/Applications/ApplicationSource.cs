namespace Coolify.Core.Applications;

/// <summary>Where a new application's code comes from: Coolify's create routes, one each.</summary>
public enum ApplicationSource
{
    /// <summary><c>POST /applications/public</c>: a git repository anyone can read.</summary>
    PublicGit,

    /// <summary><c>POST /applications/private-deploy-key</c>: a git repository read over SSH with one of the team's keys.</summary>
    DeployKey,

    /// <summary><c>POST /applications/dockerfile</c>: a Dockerfile written in the request.</summary>
    Dockerfile,

    /// <summary><c>POST /applications/dockerimage</c>: an image from a registry.</summary>
    DockerImage,
}

/// <summary>Where a new application goes: a project's environment (by uuid or name) and a server's destination.</summary>
public sealed record ApplicationPlace(
    string? ProjectUuid, string? ServerUuid, string? EnvironmentName, string? EnvironmentUuid, string? DestinationUuid = null);
