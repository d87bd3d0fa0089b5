namespace Coolify.Core.Commands;

/// <summary>A line a command printed, as it arrives.</summary>
public sealed record OutputLine(bool IsError, string Text);

/// <summary>How to run one command.</summary>
public sealed record CommandOptions
{
    public static readonly CommandOptions Default = new();

    /// <summary>Killed (with its process group) and failed with <see cref="CommandTimeoutException"/> past this.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Each output line as it comes (builds, logs); the full output is in the result either way.</summary>
    public Func<OutputLine, ValueTask>? OnOutput { get; init; }

    /// <summary>Bytes for the command's standard input: the way secrets reach a command.</summary>
    public ReadOnlyMemory<byte>? Input { get; init; }

    /// <summary>
    /// Values replaced by <see cref="Mask"/> wherever the command's output goes (streamed lines and the result), so
    /// a secret a command echoes never reaches a log.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public const string Mask = "********";

    /// <summary>The text with every secret (of 4 or more characters; shorter ones would mask ordinary text) replaced.</summary>
    public string MaskSecrets(string text)
    {
        foreach (var secret in Secrets)
        {
            if (secret.Length >= 4)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
