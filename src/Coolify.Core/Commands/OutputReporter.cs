using System.Runtime.ExceptionServices;

namespace Coolify.Core.Commands;

/// <summary>
/// Hands a running command's output lines to its <see cref="CommandOptions.OnOutput"/>, secrets masked. The
/// callback runs on a shell's reader; if it throws (a log that cannot be saved), the exception is kept, later lines
/// are dropped, and <see cref="ThrowIfFailed"/> gives it to the caller once the command ended — it must never
/// escape on the reader, where it would end the process or be mistaken for a lost connection.
/// </summary>
public sealed class OutputReporter(CommandOptions options)
{
    private ExceptionDispatchInfo? _failure;

    /// <summary>What the shell calls per line, or null when nobody listens.</summary>
    public Func<OutputLine, ValueTask>? Callback => options.OnOutput is null ? null : ReportAsync;

    public void ThrowIfFailed() => _failure?.Throw();

    private async ValueTask ReportAsync(OutputLine line)
    {
        if (_failure is not null)
        {
            return;
        }

        try
        {
            await options.OnOutput!(line with { Text = options.MaskSecrets(line.Text) });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
    }
}
