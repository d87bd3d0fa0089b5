namespace Coolify.Core.Builds;

/// <summary>
/// What the planner decided: a readable Dockerfile (shown in the deployment log, ready to copy into the repository)
/// and any other files the build needs, written beside it in <see cref="Folder"/> of the build context.
/// </summary>
public sealed record BuildPlan(string Summary, string Dockerfile, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The folder, in the build context, the generated files go to.</summary>
    public const string Folder = ".coolify-build";
}

/// <summary>The planner could not tell how to build the repository; <see cref="Reason"/> says what the user can do.</summary>
public sealed record NoBuildPlan(string Reason);
