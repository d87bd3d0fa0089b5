using System.Collections.Concurrent;
using System.Threading.Channels;
using Coolify.Core.Servers;

namespace Coolify.Web.Servers;

/// <summary>
/// Server validations run in the background (the API answers "Validation started." at once); a server already
/// waiting is not queued twice. In-process for now: several replicas would claim validations through the database.
/// </summary>
public sealed class ServerValidationQueue
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
    // Server id → whether to install what is missing; asking again while waiting can only add the install.
    private readonly ConcurrentDictionary<int, bool> _waiting = new();

    public void Enqueue(int serverId, bool installMissing = false)
    {
        var added = false;
        _waiting.AddOrUpdate(
            serverId,
            _ =>
            {
                added = true;
                return installMissing;
            },
            (_, waiting) => waiting || installMissing);
        if (added)
        {
            _queue.Writer.TryWrite(serverId);
        }
    }

    internal async IAsyncEnumerable<(int ServerId, bool InstallMissing)> ReadAllAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var serverId in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            _waiting.TryRemove(serverId, out var installMissing);
            yield return (serverId, installMissing);
        }
    }
}

/// <summary>Runs queued validations, a few at a time: a hung server holds one slot, not the queue.</summary>
internal sealed partial class ServerValidationWorker(ServerValidationQueue queue, IServiceScopeFactory scopes, ILogger<ServerValidationWorker> logger)
    : BackgroundService
{
    private const int Parallel = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Parallel);
        var running = new List<Task>();
        try
        {
            await foreach (var (serverId, installMissing) in queue.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<ServerValidator>().ValidateAsync(serverId, installMissing, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogValidationFailed(serverId, ex);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, stoppingToken));
            }
        }
        finally
        {
            // At shutdown too: the slots are released by the runs, so they outlive none of them.
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Validating server {ServerId} failed")]
    private partial void LogValidationFailed(int serverId, Exception exception);
}
