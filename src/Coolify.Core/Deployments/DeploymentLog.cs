using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Deployments;

/// <summary>
/// A deployment's log as it is written: each line is published at once to whoever watches (the dashboard), and
/// stored in <c>deployment_log_lines</c> in small batches. Secrets are masked before either.
/// </summary>
public sealed class DeploymentLog(IDbContextFactory<CoolifyDbContext> contexts, DeploymentLogFeed feed, int deploymentId, IReadOnlyList<string> secrets) : IAsyncDisposable
{
    private readonly List<string> _secrets = [.. secrets];
    private readonly List<DeploymentLogLine> _pending = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _sequence;
    private long _flushedAt = TimeProvider.System.GetTimestamp();

    /// <summary>Continues the numbering after lines already stored (a log written by several steps or workers).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _sequence = await db.DeploymentLogLines.Where(l => l.DeploymentId == deploymentId).MaxAsync(l => (int?)l.Sequence, cancellationToken) ?? 0;
    }

    /// <summary>Values masked in every line from now on (the application's environment values, say).</summary>
    public void AddSecrets(IEnumerable<string> values)
    {
        lock (_secrets)
        {
            _secrets.AddRange(values);
        }
    }

    /// <summary>A step the engine announces.</summary>
    public ValueTask InfoAsync(string text, bool hidden = false) => AppendAsync("info", text, hidden);

    /// <summary>A line a command printed.</summary>
    public ValueTask OutputAsync(Commands.OutputLine line, bool hidden = false) => AppendAsync(line.IsError ? "stderr" : "stdout", line.Text, hidden);

    public async ValueTask AppendAsync(string type, string text, bool hidden)
    {
        await _gate.WaitAsync();
        try
        {
            var line = new DeploymentLogLine
            {
                DeploymentId = deploymentId, Sequence = ++_sequence, Timestamp = TimeProvider.System.GetUtcNow().UtcDateTime, Type = type,
                Output = Mask(text), Hidden = hidden,
            };
            _pending.Add(line);
            feed.Publish(line);
            if (_pending.Count >= 50 || TimeProvider.System.GetElapsedTime(_flushedAt) > TimeSpan.FromMilliseconds(500))
            {
                await FlushLockedAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task FlushAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await FlushLockedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        _gate.Dispose();
    }

    private async Task FlushLockedAsync()
    {
        _flushedAt = TimeProvider.System.GetTimestamp();
        if (_pending.Count == 0)
        {
            return;
        }

        // Its own context: the log is written while the pipeline's context may be mid-change, and survives a failure there.
        await using var db = await contexts.CreateDbContextAsync();
        db.DeploymentLogLines.AddRange(_pending);
        await db.SaveChangesAsync();
        _pending.Clear();
    }

    // The one masking rule (CommandOptions.MaskSecrets), then credentials written into URLs.
    private string Mask(string text)
    {
        string[] secrets;
        lock (_secrets)
        {
            secrets = [.. _secrets];
        }

        return DeploymentLogMasking.MaskUrlCredentials(new Commands.CommandOptions { Secrets = secrets }.MaskSecrets(text));
    }
}
