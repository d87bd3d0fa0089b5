namespace Coolify.Core.Commands;

/// <summary>How a command ended: its exit code and everything it printed.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <exception cref="CommandFailedException">The exit code is not 0.</exception>
    public CommandResult EnsureSuccess(ShellCommand command) =>
        Succeeded ? this : throw new CommandFailedException(command, this);
}

/// <summary>A command exited with a non-zero code.</summary>
public sealed class CommandFailedException(ShellCommand command, CommandResult result)
    : Exception($"Command failed with exit code {result.ExitCode}: {FirstLine(result.Error) ?? FirstLine(result.Output) ?? "(no output)"}")
{
    public ShellCommand Command { get; } = command;

    public CommandResult Result { get; } = result;

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}

/// <summary>A command ran longer than its timeout and was killed.</summary>
public sealed class CommandTimeoutException(TimeSpan timeout)
    : TimeoutException($"The command did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");

/// <summary>The server could not be reached, or the connection broke during the command.</summary>
public class ServerConnectionException(string message, Exception? inner = null) : Exception(message, inner);
