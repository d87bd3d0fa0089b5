using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Coolify.Core.Commands;

namespace Coolify.Infrastructure.Servers;

/// <summary>
/// The host itself as a server: each command is <c>/bin/sh -c &lt;rendered&gt;</c>, started with an argument list
/// (no second shell parses it). This is the one place the product starts processes.
/// </summary>
public sealed class LocalServerShell : IServerShell
{
    public async Task<CommandResult> RunAsync(ShellCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CommandOptions.Default;
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", command.Render() },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = new Process { StartInfo = start };
#pragma warning disable RS0030 // The one process runner the ban points to.
        process.Start();
#pragma warning restore RS0030

        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var output = new StringBuilder();
        var error = new StringBuilder();
        try
        {
            var writeInput = WriteInputAsync(process, options.Input, linked.Token);
            var reporter = new OutputReporter(options);
            var readOutput = PumpAsync(process.StandardOutput, output, isError: false, reporter.Callback);
            var readError = PumpAsync(process.StandardError, error, isError: true, reporter.Callback);
            await process.WaitForExitAsync(linked.Token);
            // Bounded too: a background child the command left behind may hold the output open.
            await Task.WhenAll(writeInput, readOutput, readError).WaitAsync(linked.Token);
            reporter.ThrowIfFailed();
            return new CommandResult(process.ExitCode, options.MaskSecrets(output.ToString()), options.MaskSecrets(error.ToString()));
        }
        catch (OperationCanceledException)
        {
            // Whatever the command started goes too.
            process.Kill(entireProcessTree: true);
            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new CommandTimeoutException(options.Timeout);
            }

            throw;
        }
    }

    public async Task UploadAsync(Stream content, string path, int mode, CancellationToken cancellationToken = default)
    {
        // Created with its final mode, so a secret is never readable by others, even for a moment.
        File.Delete(path); // an existing file would keep its old, maybe wider, mode while being written
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = (UnixFileMode)mode;
        }

        await using (var file = new FileStream(path, options))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // The process umask may have narrowed the create mode; the caller asked for exactly this one.
            File.SetUnixFileMode(path, (UnixFileMode)mode);
        }
    }

    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        await file.CopyToAsync(destination, cancellationToken);
    }

    public async Task<Stream> OpenDockerAsync(CancellationToken cancellationToken = default)
    {
        var path = DockerSocketPath();
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new ServerConnectionException($"Docker's socket {path} does not answer: {ex.Message}", ex);
        }
    }

    // Where the docker CLI started here would connect: DOCKER_HOST when it names a socket, else Docker's default.
    private static string DockerSocketPath() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { } host && host.StartsWith("unix://", StringComparison.Ordinal)
            ? host["unix://".Length..]
            : "/var/run/docker.sock";

    private static async Task WriteInputAsync(Process process, ReadOnlyMemory<byte>? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is { } bytes)
            {
                await process.StandardInput.BaseStream.WriteAsync(bytes, cancellationToken);
            }
        }
        catch (IOException)
        {
            // The command exited without reading all of its input; its exit code tells the rest.
        }
        finally
        {
            process.StandardInput.Close();
        }
    }

    // Keeps the text exactly (newlines included) and reports it line by line as it arrives.
    private static async Task PumpAsync(StreamReader reader, StringBuilder all, bool isError, Func<OutputLine, ValueTask>? onOutput)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            all.Append(buffer, 0, read);
            if (onOutput is null)
            {
                continue;
            }

            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    await onOutput(new OutputLine(isError, line.ToString()));
                    line.Clear();
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        if (onOutput is not null && line.Length > 0)
        {
            await onOutput(new OutputLine(isError, line.ToString()));
        }
    }
}
