using System.Text;
using System.Text.Json;

namespace Coolify.Core.Builds;

/// <summary>
/// Writes a Dockerfile. Every value from the user (a command, a path) goes in JSON array form, so a line break or
/// a quote in it stays inside its instruction instead of starting a new one.
/// </summary>
internal sealed class DockerfileText
{
    private readonly StringBuilder _text = new();

    public DockerfileText Comment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            _text.Append("# ").Append(line).Append('\n');
        }

        return this;
    }

    public DockerfileText Blank() => Line(string.Empty);

    /// <param name="image">An image reference from the settings; never user text with spaces or line breaks.</param>
    public DockerfileText From(string image, string? stage = null) => Line(stage is null ? $"FROM {image}" : $"FROM {image} AS {stage}");

    /// <summary>Build arguments are scoped to a stage: each stage that runs user commands declares them.</summary>
    public DockerfileText Arguments(IReadOnlyList<string>? names)
    {
        foreach (var name in names ?? [])
        {
            Line($"ARG {name}");
        }

        return this;
    }

    /// <param name="path">A fixed path of the planner's, not user text.</param>
    public DockerfileText Workdir(string path) => Line($"WORKDIR {path}");

    /// <param name="value">A fixed value of the planner's, not user text.</param>
    public DockerfileText Environment(string name, string value) => Line($"ENV {name}={value}");

    public DockerfileText Copy(IEnumerable<string> sources, string destination, string? fromStage = null) =>
        Line($"COPY {(fromStage is null ? string.Empty : $"--from={fromStage} ")}{Json([.. sources, destination])}");

    /// <summary>A shell command: <c>RUN ["sh", "-c", "..."]</c>.</summary>
    public DockerfileText Run(string command) => Line($"RUN {Json(["sh", "-c", command])}");

    public DockerfileText Expose(int port) => Line($"EXPOSE {port}");

    public DockerfileText Command(IEnumerable<string> command) => Line($"CMD {Json(command)}");

    /// <summary>The user's start command, run by a shell.</summary>
    public DockerfileText ShellCommand(string command) => Command(["sh", "-c", command]);

    public override string ToString() => _text.ToString();

    private DockerfileText Line(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => JsonSerializer.Serialize(v, Compact))) + "]";
}
