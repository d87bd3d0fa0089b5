namespace Coolify.Core.Docker;

/// <summary>An image to build from a directory on the server (<c>docker build</c>).</summary>
/// <param name="Labels">Besides <c>coolify.managed=true</c>, which every image gets.</param>
/// <param name="Dockerfile">The Dockerfile's path on the server; null: <c>Dockerfile</c> in the context.</param>
/// <param name="Target">The stage to build (<c>--target</c>).</param>
/// <param name="Arguments">Build arguments, their values in a file on the server (never in a command line).</param>
public sealed record DockerBuild(
    string Context,
    string Tag,
    IReadOnlyList<string> Labels,
    string? Dockerfile = null,
    string? Target = null,
    EnvironmentFile? Arguments = null,
    bool NoCache = false);
