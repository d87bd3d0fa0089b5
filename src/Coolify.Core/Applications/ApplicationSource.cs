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

