namespace Coolify.Core.Docker;

/// <summary>An image to build from a directory on the server (<c>docker build</c>).</summary>
/// <param name="Labels">Besides <c>coolify.managed=true</c>, which every image gets.</param>
/// <param name="Dockerfile">The Dockerfile's path on the server; null: <c>Dockerfile</c> in the context.</param>
/// <param name="Target">The stage to build (<c>--target</c>).</param>
/// <param name="ArgumentNames">Build arguments whose values come from <paramref name="ArgumentsFile"/>.</param>
/// <param name="ArgumentsFile">
/// A file on the server of <c>export NAME='value'</c> lines (single-quoted as <see cref="Commands.ShellQuote"/> does),
/// read by the shell that starts the build: the values reach <c>docker build --build-arg NAME</c> through its
/// environment, never through a command line.
/// </param>
public sealed record DockerBuild(
    string Context,
    string Tag,
    IReadOnlyList<string> Labels,
    string? Dockerfile = null,
    string? Target = null,
    IReadOnlyList<string>? ArgumentNames = null,
    string? ArgumentsFile = null,
    bool NoCache = false);
