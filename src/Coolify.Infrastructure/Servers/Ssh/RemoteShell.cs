using System.Security.Cryptography;
using System.Text;
using Coolify.Core.Commands;
using Renci.SshNet;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>
/// A long-lived <c>sh</c> on one SSH channel that runs commands one after another, so a short command costs one
/// round trip instead of a new SSH session (decision 012). Each command is framed: it runs in its own session and
/// process group (<c>setsid</c>, so cancel can kill all it started), with its own standard input, and the frame
/// prints random, unguessable end markers with the exit code on both streams.
/// </summary>
internal sealed class RemoteShell : IDisposable
{
    private readonly SshCommand _channel;
    private readonly Stream _input;
    private readonly Task _lifetime;
    private readonly Lock _gate = new();
    private Frame? _current;

    private RemoteShell(SshCommand channel)
    {
        _channel = channel;
        _lifetime = channel.ExecuteAsync(CancellationToken.None);
        _input = channel.CreateInputStream();
        // SSH.NET's output streams block on read; a thread each keeps the thread pool free.
        StartReader(channel.OutputStream, isError: false);
        StartReader(channel.ExtendedOutputStream, isError: true);
    }

    /// <summary>False once the channel or connection broke; the pool then drops this shell.</summary>
    public bool IsUsable => !_broken && !_lifetime.IsCompleted;

    private volatile bool _broken;

    public static RemoteShell Open(SshClient client) => new(client.CreateCommand("exec sh"));

    public async Task<CommandResult> RunAsync(
        ShellCommand command, CommandOptions options, Func<int, Task> kill, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var reporter = new OutputReporter(options);
        var frame = new Frame(id, reporter.Callback);
        lock (_gate)
        {
            _current = frame;
        }

        try
        {
            // Not cancellable: a script cut off half-way would leave the shell out of step with its frames.
            // A cancel that came meanwhile is seen below, where it kills what was started.
            await WriteAsync(FrameScript(id, command.Render(), options.Input));
            using var timeout = new CancellationTokenSource(options.Timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await frame.Completed.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!frame.Completed.Task.IsCompleted)
            {
                await StopAsync(frame, kill);
                if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new CommandTimeoutException(options.Timeout);
                }

                throw;
            }

            var result = await frame.Completed.Task;
            reporter.ThrowIfFailed();
            return result with { Output = options.MaskSecrets(result.Output), Error = options.MaskSecrets(result.Error) };
        }
        finally
        {
            lock (_gate)
            {
                _current = null;
            }
        }
    }

    // Kills the command's process group from another channel, then waits for the frame to end so the shell can be
    // reused; a frame that does not end makes the shell unusable.
    private async Task StopAsync(Frame frame, Func<int, Task> kill)
    {
        try
        {
            // The pid travels on stderr, read by its own thread: it may still be on its way when stdout has moved on.
            await kill(await frame.ProcessId.WaitAsync(TimeSpan.FromSeconds(2)));
        }
        catch (TimeoutException)
        {
            // No pid: the command never started; the frame ends by itself.
        }

        try
        {
            await frame.Completed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or ServerConnectionException)
        {
            _broken = true;
        }
    }

    private static string FrameScript(string id, string rendered, ReadOnlyMemory<byte>? input)
    {
        var script = new StringBuilder();
        var stdin = "/dev/null";
        if (input is { } bytes)
        {
            // A private temporary file (mktemp makes it 0600), filled from a here-document of base64 text.
            script.Append("__in=$(mktemp) && base64 -d >\"$__in\" <<'__CF_").Append(id).Append("_IN'\n")
                .Append(Convert.ToBase64String(bytes.Span, Base64FormattingOptions.InsertLineBreaks).Replace("\r", string.Empty, StringComparison.Ordinal))
                .Append("\n__CF_").Append(id).Append("_IN\n");
            stdin = "\"$__in\"";
        }

        // The runner prints its pid (= its process group, thanks to setsid), then runs the command text itself
        // (eval: one process fewer than another sh -c; a process costs milliseconds here).
        var runner = $"printf '__CF_{id}_PID %s\\n' \"$$\" >&2; eval \"$1\"";
        script.Append("setsid sh -c ").Append(ShellQuote.Quote(runner)).Append(" _ ").Append(ShellQuote.Quote(rendered))
            .Append(" <").Append(stdin).Append(" &\n")
            .Append("__p=$!; wait \"$__p\"; __rc=$?; ");
        if (input is not null)
        {
            script.Append("rm -f \"$__in\"; ");
        }

        script.Append("printf '\\n__CF_").Append(id).Append("_END %s\\n' \"$__rc\"; printf '\\n__CF_").Append(id).Append("_END\\n' >&2\n");
        return script.ToString();
    }

    private async Task WriteAsync(string script)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(script);
            await _input.WriteAsync(bytes);
            await _input.FlushAsync();
        }
        catch (Exception ex)
        {
            _broken = true;
            throw new ServerConnectionException("The connection broke before the command could be sent.", ex);
        }
    }

    private void StartReader(Stream stream, bool isError) =>
        new Thread(() => ReadLoop(stream, isError)) { IsBackground = true, Name = isError ? "ssh-stderr" : "ssh-stdout" }.Start();

    private void ReadLoop(Stream stream, bool isError)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0);
                Frame? frame;
                lock (_gate)
                {
                    frame = _current;
                }

                // Output between frames (none is expected) has no command to belong to.
                frame?.Append(isError, new string(chars, 0, count));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException)
        {
            // The channel is gone; handled below like an end of stream.
        }

        _broken = true;
        lock (_gate)
        {
            _current?.Fail(new ServerConnectionException("The connection to the server was lost while the command ran."));
        }
    }

    public void Dispose()
    {
        _broken = true;
        // Closing a channel whose connection is already gone can fail to send the close ("broken pipe"): nothing to do then.
        foreach (var part in new IDisposable[] { _input, _channel })
        {
            try
            {
                part.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException)
            {
                // Already gone.
            }
        }
    }

    private sealed class Frame(string id, Func<OutputLine, ValueTask>? onOutput)
    {
        private readonly FramedOutput _output = new($"__CF_{id}_END ", isError: false, onOutput);
        private readonly FramedOutput _error = new($"__CF_{id}_END", isError: true, onOutput) { PreamblePrefix = $"__CF_{id}_PID " };
        private readonly SemaphoreSlim _order = new(1, 1);

        public TaskCompletionSource<CommandResult> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<int> ProcessIdSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> ProcessId => ProcessIdSource.Task;

        public void Append(bool isError, string chunk)
        {
            // Reader threads call in; one at a time so output callbacks never run concurrently.
            _order.Wait();
            try
            {
                (isError ? _error : _output).AppendAsync(chunk).AsTask().GetAwaiter().GetResult();
                if (int.TryParse(_error.Preamble, out var pid))
                {
                    ProcessIdSource.TrySetResult(pid);
                }
                if (_output.IsComplete && _error.IsComplete)
                {
                    var exitCode = int.TryParse(_output.Trailer, out var code) ? code : -1;
                    Completed.TrySetResult(new CommandResult(exitCode, _output.Text, _error.Text));
                }
            }
            finally
            {
                _order.Release();
            }
        }

        public void Fail(Exception exception) => Completed.TrySetException(exception);
    }
}
