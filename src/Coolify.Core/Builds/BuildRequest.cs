namespace Coolify.Core.Builds;

/// <summary>An application's build settings, as the planner needs them.</summary>
/// <param name="BuildPack"><c>auto</c> or <c>static</c>.</param>
/// <param name="Port">The port the application listens on (the first of its exposed ports).</param>
/// <param name="PublishDirectory">For static sites: the folder to serve, relative to the base directory (<c>/</c>, <c>/dist</c>).</param>
/// <param name="IsStatic">Build with the detected language, then serve <paramref name="PublishDirectory"/> as a static site.</param>
/// <param name="IsSpa">Static sites: unknown paths answer <c>/index.html</c> (client-side routing).</param>
/// <param name="StaticImage">The application's own static image, instead of the instance's.</param>
/// <param name="BuildArguments">Names of the build-time variables; their values reach the build as build arguments.</param>
public sealed record BuildRequest(
    string BuildPack,
    int Port,
    string? InstallCommand = null,
    string? BuildCommand = null,
    string? StartCommand = null,
    string? PublishDirectory = null,
    bool IsStatic = false,
    bool IsSpa = false,
    string? StaticImage = null,
    IReadOnlyList<string>? BuildArguments = null);
