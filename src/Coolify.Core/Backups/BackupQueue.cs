using System.Threading.Channels;

namespace Coolify.Core.Backups;

/// <summary>Schedules to run now ("backup now"), for the backup worker; the scheduled runs it claims itself.</summary>
public sealed class BackupQueue
{
    private readonly Channel<int> _requests = Channel.CreateUnbounded<int>();

    public ValueTask EnqueueAsync(int scheduleId, CancellationToken cancellationToken) => _requests.Writer.WriteAsync(scheduleId, cancellationToken);

    public ChannelReader<int> Requests => _requests.Reader;
}
