using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Coolify.Web.Tests.Support;

/// <summary>Every log message the host writes, for tests that read what an operator would read in the log.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture._messages.Enqueue(exception is null ? formatter(state, exception) : formatter(state, exception) + Environment.NewLine + exception);
            }
        }
    }
}
