namespace Coolify.Core.Deployments;

/// <summary>
/// Tells this process's worker that the queue changed (a deployment queued or ended), so it looks at once instead of
/// at its next poll. Other replicas still find the row at their next poll: the table stays the only truth.
/// </summary>
public sealed class DeploymentWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of changes.
        }
    }

    /// <summary>Waits for a signal or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
