using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;
using Coolify.Infrastructure.Servers.Ssh;

namespace Coolify.Integration.Tests.Servers;

/// <summary>The shell contract over the real sshd, plus what only a network connection can do wrong.</summary>
public sealed class SshServerShellTests : ServerShellContract, IDisposable
{
    private readonly MemoryHostKeyStore _hostKeys = new();
    private readonly SshConnectionPool _pool;
    private readonly SshServerTarget _target;

    public SshServerShellTests()
    {
        Assert.SkipUnless(TestSshServer.Available, "no test sshd (run scripts/test.sh)");
        _pool = new SshConnectionPool(_hostKeys);
        _target = TestSshServer.RequireTarget($"server-{Guid.NewGuid():N}");
    }

    protected override IServerShell Shell => _pool.For(_target);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // A backup-sized file both ways, from a stream that is not a MemoryStream (the size is not known up front), and
    // back through a hash: the bytes are the same, and a missing file is a failed command, not an empty one.
    [Fact]
    public async Task LargeFile_GoesUpAndComesBackByteForByte_AndAMissingOneFails()
    {
        var path = $"/tmp/coolify-shell-large-{Guid.NewGuid():N}";
        const int size = 48 * 1024 * 1024;
        var content = new byte[size];
        new Random(7).NextBytes(content);
        try
        {
            await using (var source = new BufferedStream(new MemoryStream(content, writable: false), 4096))
            {
                await Shell.UploadAsync(source, path, 0x1a4 /* 0644 */, Token);
            }

            Assert.Equal("644\n", (await Shell.RunAsync(ShellCommand.Of("stat", "-c", "%a", path), cancellationToken: Token)).Output);
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            await using (var back = new HashingStream(hash))
            {
                await Shell.DownloadAsync(path, back, Token);
                Assert.Equal(size, back.Length);
            }

            Assert.Equal(System.Security.Cryptography.SHA256.HashData(content), hash.GetHashAndReset());
            await Assert.ThrowsAsync<CommandFailedException>(() => Shell.DownloadAsync(path + "-missing", Stream.Null, Token));
        }
        finally
        {
            await Shell.RunAsync(ShellCommand.Of("rm", "-f", path), cancellationToken: Token);
        }
    }

    private sealed class HashingStream(System.Security.Cryptography.IncrementalHash hash) : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            _length += count;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    // Backups as a user other than root: the folder under a root-owned tree is made through sudo and handed over.
    [Fact]
    public async Task BackupFolder_UnderARootOwnedTree_IsMadeWritableForTheSshUser()
    {
        var root = $"/var/lib/coolify-backup-test-{Guid.NewGuid():N}";
        var folder = root + "/databases/team-1/db";
        try
        {
            Assert.False((await Shell.RunAsync(ShellCommand.Of("mkdir", "-p", "--", folder), cancellationToken: Token)).Succeeded);
            await Coolify.Core.Backups.BackupRunner.EnsureFolderAsync(Shell, _target.User, folder, Token);
            var write = ShellCommand.Of("sh", "-c", "echo dump > \"$1/x\" && cat \"$1/x\"", "sh", folder);
            Assert.Equal("dump\n", (await Shell.RunAsync(write, cancellationToken: Token)).Output);
        }
        finally
        {
            await Shell.RunAsync(ShellCommand.Of("rm", "-rf", "--", root).AsRoot(), cancellationToken: Token);
        }
    }

    [Fact]
    public async Task TwoHundredCommands_FiftyAtATime_AllSucceed_OnOneConnection()
    {
        using var gate = new SemaphoreSlim(50);
        var runs = Enumerable.Range(0, 200).Select(async i =>
        {
            await gate.WaitAsync(Token);
            try
            {
                // Each command also names the sshd process serving its connection (the first sshd above it).
                var command = ShellCommand.Of("printf", "%s\n", $"n{i}").Then(ShellCommand.Of("sh", "-c", ConnectionProcess));
                return await Shell.RunAsync(command, cancellationToken: Token);
            }
            finally
            {
                gate.Release();
            }
        });

        var results = await Task.WhenAll(runs);

        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal($"n{x.i}", x.r.Output.Split('\n')[0]));
        var connections = results.Select(r => r.Output.Split('\n')[1]).Distinct().ToList();
        Assert.True(connections.Count == 1, $"sshd connection processes: {string.Join(", ", connections)}");
    }

    // Walks up from the command's process to the sshd (sshd-session in newer OpenSSH) that serves the connection.
    private const string ConnectionProcess =
        "p=$$; while :; do case \"$(cat /proc/$p/comm)\" in sshd*) echo \"$p\"; exit 0;; esac; " +
        "p=$(awk '{print $4}' /proc/$p/stat); [ \"$p\" -gt 1 ] || exit 1; done";

    [Fact]
    public async Task HostKey_IsPinnedOnFirstUse_AndAChangedOneIsRefused()
    {
        await Shell.RunAsync(ShellCommand.Of("true"), cancellationToken: Token);
        Assert.StartsWith("SHA256:", _hostKeys.Pinned[_target.ServerId], StringComparison.Ordinal);

        var other = _target with { ServerId = "impostor-" + Guid.NewGuid().ToString("N") };
        _hostKeys.Pinned[other.ServerId] = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var refused = await Assert.ThrowsAsync<HostKeyMismatchException>(() => _pool.For(other).RunAsync(ShellCommand.Of("true"), cancellationToken: Token));

        Assert.Contains("has changed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(_hostKeys.Pinned[_target.ServerId], refused.Presented);
    }

    [Fact]
    public async Task ConnectionKilledMidCommand_FailsThatCommandClearly_AndTheNextOneReconnects()
    {
        // The sshd process serving this connection: the parent of the long-lived shell that runs the command.
        // (and its privileged parent, which holds the socket).
        var sshd = await Shell.RunAsync(ShellCommand.Of("sh", "-c", "p=$(ps -o ppid= -p \"$PPID\"); echo $p $(ps -o ppid= -p $p)"), cancellationToken: Token);
        var running = Shell.RunAsync(ShellCommand.Of("sleep", "30"), cancellationToken: Token);

        // Root kills it, as a network failure would end the connection; other tests' connections live on.
        await new LocalServerShell().RunAsync(ShellCommand.Of("kill", ["-KILL", .. sshd.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]), cancellationToken: Token);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ServerConnectionException>(() => running);
        Assert.Contains("connection", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the broken connection was noticed after {clock.Elapsed}");
        var next = await Shell.RunAsync(ShellCommand.Of("echo", "back"), cancellationToken: Token);
        Assert.Equal("back\n", next.Output);
    }

    [Fact]
    public async Task HungServer_DoesNotBlockCommandsToOtherServers()
    {
        // Accepts TCP connections and never says a word, like a wedged server.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var hung = _pool.For(_target with { ServerId = "hung-" + Guid.NewGuid().ToString("N"), Port = port, ConnectTimeout = TimeSpan.FromSeconds(8) });
        var stuck = hung.RunAsync(ShellCommand.Of("true"), cancellationToken: Token);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            await Shell.RunAsync(ShellCommand.Of("true"), cancellationToken: Token);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"20 commands took {clock.Elapsed} while another server hung");
        var timedOut = await Assert.ThrowsAsync<ServerConnectionException>(() => stuck);
        Assert.Contains("timed out", timedOut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKey_IsReportedInWords()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var stranger = _target with { ServerId = "stranger-" + Guid.NewGuid().ToString("N"), PrivateKey = rsa.ExportRSAPrivateKeyPem() };

        var failure = await Assert.ThrowsAsync<ServerConnectionException>(() => _pool.For(stranger).RunAsync(ShellCommand.Of("true"), cancellationToken: Token));

        Assert.Contains("refused the key", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _pool?.Dispose();
}
