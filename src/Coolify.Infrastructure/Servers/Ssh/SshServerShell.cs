using System.Collections.Concurrent;
using System.Text;
using Coolify.Core.Commands;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>
/// One server over SSH: one connection, reused by every command through a few long-lived shells
/// (<see cref="RemoteShell"/>), with keepalive, reconnect between commands, host-key pinning, and a cap on
/// concurrent commands beyond which callers queue. Made and kept by <see cref="SshConnectionPool"/>.
/// </summary>
public sealed class SshServerShell : IServerShell, IDisposable
{
    private readonly SshServerTarget _target;
    private readonly IHostKeyStore _hostKeys;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ConcurrentBag<RemoteShell> _idle = [];
    private SshClient? _client;
    private int _inFlight;
    private volatile bool _disposed;

    internal SshServerShell(SshServerTarget target, IHostKeyStore hostKeys)
    {
        _target = target;
        _hostKeys = hostKeys;
        _slots = new SemaphoreSlim(target.MaxShells, target.MaxShells);
        LastUsed = TimeProvider.System.GetUtcNow();
    }

    internal DateTimeOffset LastUsed { get; private set; }

    /// <summary>Whether a command runs or waits now (the idle timer leaves such a connection alone).</summary>
    internal bool IsBusy => Volatile.Read(ref _inFlight) > 0;

    public async Task<CommandResult> RunAsync(ShellCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CommandOptions.Default;
        _ = command.Render(); // refuse NUL and the like before touching the network
        Interlocked.Increment(ref _inFlight);
        // The command's timeout also bounds waiting for a free shell and connecting.
        using var waitLimit = new CancellationTokenSource(options.Timeout);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waitLimit.Token);
        try
        {
            await _slots.WaitAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (waitLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _inFlight);
            throw new CommandTimeoutException(options.Timeout);
        }
        catch
        {
            Interlocked.Decrement(ref _inFlight);
            throw;
        }

        try
        {
            RemoteShell shell;
            try
            {
                shell = await RentAsync(waiting.Token);
            }
            catch (OperationCanceledException) when (waitLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new CommandTimeoutException(options.Timeout);
            }

            try
            {
                return await shell.RunAsync(command, options, KillAsync, cancellationToken);
            }
            finally
            {
                if (shell.IsUsable)
                {
                    _idle.Add(shell);
                }
                else
                {
                    shell.Dispose();
                }
            }
        }
        finally
        {
            LastUsed = TimeProvider.System.GetUtcNow();
            _slots.Release();
            Interlocked.Decrement(ref _inFlight);
        }
    }

    // Files go over SFTP: its reads and writes are requested a few at a time, so memory holds a few buffers whatever
    // the file's size (an exec channel's output is buffered whole by SSH.NET when it is not read fast enough).
    public async Task UploadAsync(Stream content, string path, int mode, CancellationToken cancellationToken = default)
    {
        // Created empty and private first (umask 077; an existing file is removed, it would keep its old, maybe wider,
        // mode), written over SFTP (which keeps the mode), then given the asked mode.
        var create = ShellCommand.Of("sh", "-c", "rm -f -- \"$1\" && umask 077 && : >\"$1\"", "sh", path);
        (await RunAsync(create, cancellationToken: cancellationToken)).EnsureSuccess(create);
        using (var sftp = await OpenSftpAsync(cancellationToken))
        {
            await SftpTransfer.RunAsync(ShellCommand.Of("sftp", "put", path), () => sftp.UploadFileAsync(content, path, cancellationToken));
        }

        var chmod = ShellCommand.Of("chmod", Convert.ToString(mode, 8), "--", path);
        (await RunAsync(chmod, cancellationToken: cancellationToken)).EnsureSuccess(chmod);
    }

    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default)
    {
        using var sftp = await OpenSftpAsync(cancellationToken);
        await SftpTransfer.RunAsync(ShellCommand.Of("sftp", "get", path), () => sftp.DownloadFileAsync(path, destination, cancellationToken));
    }

    public async Task<Stream> OpenDockerAsync(CancellationToken cancellationToken = default)
    {
        // A channel of its own beside the shells (sshd allows 10 per connection; the shells take at most 6 and the
        // Engine API client keeps at most 2 of these).
        var client = await ConnectAsync(cancellationToken);
        LastUsed = TimeProvider.System.GetUtcNow();
        try
        {
            return SshChannelStream.Start(client, ShellCommand.Of("docker", "system", "dial-stdio").Render());
        }
        catch (Exception ex) when (ex is SshException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            throw new ServerConnectionException($"Could not reach Docker on {_target}: {ex.Message}", ex);
        }
    }

    private async Task<RemoteShell> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsUsable)
            {
                return idle;
            }

            idle.Dispose();
        }

        // The connection may have died without SSH.NET noticing yet: then reconnect once and open the shell there.
        for (var attempt = 1; ; attempt++)
        {
            var client = await ConnectAsync(cancellationToken);
            try
            {
                return RemoteShell.Open(client);
            }
            catch (Exception ex) when (ex is SshException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
            {
                await _connectLock.WaitAsync(cancellationToken);
                try
                {
                    if (ReferenceEquals(_client, client))
                    {
                        DropConnection();
                    }
                }
                finally
                {
                    _connectLock.Release();
                }

                if (attempt == 2)
                {
                    throw new ServerConnectionException($"Could not open a shell on {_target}: {ex.Message}", ex);
                }
            }
        }
    }

    // One connection per server; a dropped one is replaced by the next command that needs it.
    private async Task<SshClient> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            if (_client is { IsConnected: true } connected)
            {
                return connected;
            }

            DropConnection();
            var pinned = await _hostKeys.GetPinnedAsync(_target.ServerId, cancellationToken);
            string? presented = null;
            using var key = ReadKey();
            var client = new SshClient(ConnectionInfoWith(key)) { KeepAliveInterval = TimeSpan.FromSeconds(30) };
            client.HostKeyReceived += (_, e) =>
            {
                presented = "SHA256:" + e.FingerPrintSHA256;
                e.CanTrust = pinned is null || pinned == presented;
            };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_target.ConnectTimeout);
                await client.ConnectAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                if (pinned is not null && presented is not null && pinned != presented)
                {
                    throw new HostKeyMismatchException(_target.ToString(), pinned, presented);
                }

                throw new ServerConnectionException($"Could not connect to {_target}: {Reason(ex)}", ex);
            }

            try
            {
                if (pinned is null && presented is not null)
                {
                    await _hostKeys.PinAsync(_target.ServerId, presented, cancellationToken);
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }

            _client = client;
            if (_disposed)
            {
                // Disposed while connecting: Dispose may have run before the client was stored.
                DropConnection();
                ThrowIfClosed();
            }

            return client;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    // Cancel and timeout: signal the command's process group from a channel of its own (the shell is busy), as root
    // when the command ran under sudo.
    private async Task KillAsync(int processGroup)
    {
        if (_client is not { IsConnected: true } client)
        {
            return;
        }

        var group = "-" + processGroup.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kill = ShellCommand.Of("kill", "-KILL", "--", group).DiscardOutput()
            .OrElse(ShellCommand.Of("kill", "-KILL", "--", group).AsRoot().DiscardOutput());
        try
        {
            using var channel = client.CreateCommand(kill.Render());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await channel.ExecuteAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is SshException or OperationCanceledException or InvalidOperationException)
        {
            // The shell's frame does not end then, and the shell is dropped.
        }
    }

    // A connection of its own for one file transfer, trusting only the host key the main connection pinned.
    private async Task<SftpClient> OpenSftpAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken); // pins the host key on first contact
        var pinned = await _hostKeys.GetPinnedAsync(_target.ServerId, cancellationToken);
        using var key = ReadKey();
        var sftp = new SftpClient(ConnectionInfoWith(key)) { OperationTimeout = TimeSpan.FromMinutes(5) };
        sftp.HostKeyReceived += (_, e) => e.CanTrust = pinned == "SHA256:" + e.FingerPrintSHA256;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_target.ConnectTimeout);
            await sftp.ConnectAsync(timeout.Token);
            return sftp;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            sftp.Dispose();
            throw new ServerConnectionException($"Could not open a file transfer (SFTP) to {_target}: {Reason(ex)}", ex);
        }
    }

    private PrivateKeyFile ReadKey()
    {
        try
        {
            return new PrivateKeyFile(new MemoryStream(Encoding.UTF8.GetBytes(_target.PrivateKey)), _target.Passphrase);
        }
        catch (Exception ex) when (ex is SshException or ArgumentException or InvalidOperationException)
        {
            throw new ServerConnectionException($"The private key for {_target} cannot be read: {ex.Message}", ex);
        }
    }

    private ConnectionInfo ConnectionInfoWith(PrivateKeyFile key) =>
        new(_target.Host, _target.Port, _target.User, new PrivateKeyAuthenticationMethod(_target.User, key)) { Timeout = _target.ConnectTimeout };

    private static string Reason(Exception ex) => ex switch
    {
        SshAuthenticationException => "the server refused the key (is its public key in the user's authorized_keys?)",
        OperationCanceledException or SshOperationTimeoutException => "the connection timed out",
        System.Net.Sockets.SocketException socket => socket.Message,
        _ => ex.Message,
    };

    // A caller still holding this shell after the pool replaced it (the server's address, user or key changed).
    private void ThrowIfClosed()
    {
        if (_disposed)
        {
            throw new ServerConnectionException($"The connection to {_target} was closed because the server's settings changed; try again.");
        }
    }

    private void DropConnection()
    {
        while (_idle.TryTake(out var shell))
        {
            shell.Dispose();
        }

        Interlocked.Exchange(ref _client, null)?.Dispose();
    }

    /// <summary>Closes the connection if no command runs or waits; the next command connects again.</summary>
    internal void DisconnectIfIdle()
    {
        if (!_connectLock.Wait(0))
        {
            return; // connecting right now: not idle
        }

        try
        {
            if (!IsBusy)
            {
                DropConnection();
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Closes the connection for good (the server's address, user or key changed; shutdown).</summary>
    public void Dispose()
    {
        _disposed = true;
        DropConnection();
    }
}
