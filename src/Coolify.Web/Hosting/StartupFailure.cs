namespace Coolify.Web.Hosting;

/// <summary>How the host reports a start-up it cannot complete: one line on stderr, exit code 1, no stack trace.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

    public static int Report(string message)
    {
        Console.Error.WriteLine($"coolify: error: {message}");
        return ExitCode;
    }
}
