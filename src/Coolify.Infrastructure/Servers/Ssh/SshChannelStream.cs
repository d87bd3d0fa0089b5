using Renci.SshNet;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>
/// A remote command's standard input and output as one duplex stream (for <c>docker system dial-stdio</c>, which
/// relays them to Docker's socket). Disposing ends the input, so the command exits, and closes the channel.
/// </summary>
internal sealed class SshChannelStream : Stream
{
    private readonly SshCommand _command;
    private readonly Stream _input;

    private SshChannelStream(SshCommand command, Stream input)
    {
        _command = command;
        _input = input;
    }

    public static SshChannelStream Start(SshClient client, string commandText)
    {
        var command = client.CreateCommand(commandText);
        try
        {
            var running = command.ExecuteAsync(CancellationToken.None);
            // How the command ended matters to no one once the stream is gone (a closed channel ends it too).
            _ = running.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            return new SshChannelStream(command, command.CreateInputStream());
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _command.OutputStream.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _command.OutputStream.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _command.OutputStream.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _input.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _input.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _input.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => _input.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _input.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _input.Dispose(); // EOF: dial-stdio exits
            }
            catch (Exception)
            {
                // A broken connection ends the command anyway.
            }
            finally
            {
                _command.Dispose(); // and the channel closes
            }
        }

        base.Dispose(disposing);
    }
}
