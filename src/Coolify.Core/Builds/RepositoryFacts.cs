namespace Coolify.Core.Builds;

/// <summary>What the build planner looks at in a cloned repository's base directory.</summary>
/// <param name="Files">Names of the entries at the top of the base directory.</param>
/// <param name="Contents">Contents of the few files whose text matters (package.json, requirements.txt, pyproject.toml), by name.</param>
public sealed record RepositoryFacts(IReadOnlySet<string> Files, IReadOnlyDictionary<string, string> Contents)
{
    /// <summary>The files whose contents the planner reads when they exist.</summary>
    public static readonly IReadOnlyList<string> FilesToRead = ["package.json", "requirements.txt", "pyproject.toml"];

    public bool Has(string file) => Files.Contains(file);

    public string? Read(string file) => Contents.TryGetValue(file, out var text) ? text : null;
}
