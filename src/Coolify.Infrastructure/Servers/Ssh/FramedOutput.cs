using System.Text;
using Coolify.Core.Commands;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>
/// One output stream (stdout or stderr) of one framed command in a <see cref="RemoteShell"/>: collects the text
/// exactly, reports complete lines as they arrive, and recognises the end marker the frame prints after the
/// command — preceded by a newline of ours, which is not part of the command's output.
/// </summary>
internal sealed class FramedOutput(string endMarker, bool isError, Func<OutputLine, ValueTask>? onOutput)
{
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    // An empty line is held back one line: the frame's own newline before the end marker makes one.
    private bool _pendingEmptyLine;

    /// <summary>The text after the end marker on its line (the exit code on stdout), once the end is seen.</summary>
    public string? Trailer { get; private set; }

    public bool IsComplete => Trailer is not null;

    /// <summary>Everything the command wrote to this stream (valid once complete).</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>A line the frame itself writes first (the process id), removed from the output.</summary>
    public string? Preamble { get; private set; }

    public string? PreamblePrefix { get; init; }

    public async ValueTask AppendAsync(string chunk)
    {
        foreach (var c in chunk)
        {
            if (IsComplete)
            {
                return;
            }

            if (c != '\n')
            {
                _line.Append(c);
                continue;
            }

            var line = _line.ToString();
            _line.Clear();
            if (PreamblePrefix is not null && Preamble is null && line.StartsWith(PreamblePrefix, StringComparison.Ordinal))
            {
                Preamble = line[PreamblePrefix.Length..];
                continue;
            }

            if (line.StartsWith(endMarker, StringComparison.Ordinal))
            {
                Trailer = line[endMarker.Length..];
                // The newline before the marker is the frame's, not the command's.
                Text = _all.Length > 0 ? _all.ToString(0, _all.Length - 1) : string.Empty;
                return;
            }

            _all.Append(line).Append('\n');
            if (_pendingEmptyLine)
            {
                await EmitAsync(string.Empty);
            }

            _pendingEmptyLine = line.Length == 0;
            if (line.Length > 0)
            {
                await EmitAsync(line);
            }
        }
    }

    private ValueTask EmitAsync(string line) => onOutput?.Invoke(new OutputLine(isError, line)) ?? ValueTask.CompletedTask;
}
