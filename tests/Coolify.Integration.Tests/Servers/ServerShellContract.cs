using System.Diagnostics;
using System.Text;
using Coolify.Core.Commands;

namespace Coolify.Integration.Tests.Servers;

/// <summary>
/// What every <see cref="IServerShell"/> must do, run against each implementation (the host's processes, SSH).
/// </summary>
public abstract class ServerShellContract
{
    /// <summary>Strings that break naive command building; each must arrive as one argument, byte for byte.</summary>
    public static readonly TheoryData<string> HostileStrings = new(
        "plain", "with space", "it's", "\"double\"", "$(id)", "${HOME}", "`id`", "a;b", "a|b", "a&b", "a && b", "a\nb", "a\r\nb",
        "\\", "\\'", "'", "''", "-n", "--help", "-", "*", "?", "~", "#comment", "!", "a>b", "a<b", "2>&1", "\t", " ",
        "ünïcödé", "日本語", "emoji 🚀", "\u200b", "%s", "%n%n", "..", "../../etc/passwd", "x=y", "$", "${", "\x01\x1f\x7f");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract IServerShell Shell { get; }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task HostileArgument_ComesBackByteForByte(string value)
    {
        var result = await Shell.RunAsync(ShellCommand.Of("printf", "%s", value), cancellationToken: Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(value, result.Output);
    }

    [Fact]
    public async Task RandomArguments_ComeBackByteForByte()
    {
        for (var i = 0; i < 50; i++)
        {
            var value = RandomString();
            var result = await Shell.RunAsync(ShellCommand.Of("printf", "%s|", value, value), cancellationToken: Token);
            Assert.True(result.Output == value + "|" + value + "|", $"sent {Escape(value)}, got {Escape(result.Output)}");
        }
    }

    [Fact]
    public Task Nul_IsRefusedBeforeAnythingRuns() =>
        Assert.ThrowsAsync<ArgumentException>(() => Shell.RunAsync(ShellCommand.Of("printf", "%s", "a\0b"), cancellationToken: Token));

    [Fact]
    public async Task NestedOperators_RunAsTheTreeSays()
    {
        // false && (echo yes || echo no): nothing; read flat, sh would print "no".
        var nested = ShellCommand.Of("false").Then(ShellCommand.Of("echo", "yes").OrElse(ShellCommand.Of("echo", "no")));
        // (echo a && echo b) | wc -l: two lines counted; read flat, a would print and wc count one.
        var piped = ShellCommand.Of("echo", "a").Then(ShellCommand.Of("echo", "b")).Pipe(ShellCommand.Of("wc", "-l"));

        Assert.Equal(string.Empty, (await Shell.RunAsync(nested, cancellationToken: Token)).Output);
        Assert.Equal("2", (await Shell.RunAsync(piped, cancellationToken: Token)).Output.Trim());
    }

    [Fact]
    public async Task FailingOutputCallback_FailsTheCommand_AndTheShellGoesOn()
    {
        var seen = 0;
        var options = new CommandOptions
        {
            OnOutput = _ =>
            {
                seen++;
                throw new InvalidOperationException("the log could not be saved");
            },
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Shell.RunAsync(ShellCommand.Of("seq", "1", "5"), options, Token));

        Assert.Equal("the log could not be saved", failure.Message);
        Assert.Equal(1, seen); // later lines are not handed to a callback that failed
        Assert.Equal("ok\n", (await Shell.RunAsync(ShellCommand.Of("echo", "ok"), cancellationToken: Token)).Output);
    }

    [Fact]
    public async Task ExitCodeAndErrorOutput_AreReported()
    {
        var result = await Shell.RunAsync(ShellCommand.Of("sh", "-c", "echo oops >&2; exit 3"), cancellationToken: Token);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("oops\n", result.Error);
        var failure = Assert.Throws<CommandFailedException>(() => result.EnsureSuccess(ShellCommand.Of("x")));
        Assert.Contains("oops", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_ReachesStandardInput_NotTheCommandLine()
    {
        var secret = "s3cret-" + Guid.NewGuid();

        var result = await Shell.RunAsync(ShellCommand.Of("cat"), new CommandOptions { Input = Encoding.UTF8.GetBytes(secret) }, Token);

        Assert.Equal(secret, result.Output);
    }

    [Fact]
    public async Task Secrets_AreMasked_InStreamedLinesAndTheResult()
    {
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        var streamed = new List<string>();
        var options = new CommandOptions
        {
            Input = Encoding.UTF8.GetBytes(secret),
            Secrets = [secret],
            OnOutput = line => { streamed.Add(line.Text); return ValueTask.CompletedTask; },
        };

        // A command that gives its secret back on both streams, as a misbehaving tool might.
        var result = await Shell.RunAsync(ShellCommand.Of("sh", "-c", "read -r s; echo \"token=$s\"; echo \"bad $s\" >&2"), options, Token);

        Assert.Equal("token=" + CommandOptions.Mask + "\n", result.Output);
        Assert.Equal("bad " + CommandOptions.Mask + "\n", result.Error);
        Assert.Equal(2, streamed.Count);
        Assert.DoesNotContain(streamed, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Output_StreamsLineByLine_InOrder()
    {
        var lines = new List<OutputLine>();
        var options = new CommandOptions { OnOutput = line => { lines.Add(line); return ValueTask.CompletedTask; } };

        await Shell.RunAsync(ShellCommand.Of("sh", "-c", "for i in 1 2 3; do echo line $i; done; echo warn >&2"), options, Token);

        Assert.Equal(["line 1", "line 2", "line 3"], lines.Where(l => !l.IsError).Select(l => l.Text));
        Assert.Equal(["warn"], lines.Where(l => l.IsError).Select(l => l.Text));
    }

    [Fact]
    public async Task Timeout_StopsTheCommand()
    {
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<CommandTimeoutException>(() =>
            Shell.RunAsync(ShellCommand.Of("sleep", "30"), new CommandOptions { Timeout = TimeSpan.FromMilliseconds(300) }, Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancel_KillsTheRemoteProcess_WithinTwoSeconds()
    {
        // A sleep no other test runs, so the process list says whether this one is gone (anchored: the shell
        // running pgrep has the pattern in its own command line).
        var duration = $"600.{Random.Shared.Next(100, 999)}";
        var started = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();
        var options = new CommandOptions
        {
            OnOutput = line =>
            {
                if (line.Text == "started")
                {
                    started.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
        };
        var running = Shell.RunAsync(ShellCommand.Of("echo", "started").Then(ShellCommand.Of("sleep", duration)), options, cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"cancel took {clock.Elapsed}");
        var left = await Shell.RunAsync(ShellCommand.Of("pgrep", "-f", "^sleep " + duration), cancellationToken: Token);
        Assert.True(left.ExitCode == 1, $"sleep {duration} still runs: {left.Output}");
    }

    [Fact]
    public async Task Upload_WritesTheFileWithItsMode_AndDownloadReadsItBack()
    {
        var path = $"/tmp/coolify-shell-test-{Guid.NewGuid():N}";
        var content = "secret: it's \"here\"\n$(id)\n";
        try
        {
            await Shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), path, 0x180 /* 0600 */, Token);

            var mode = await Shell.RunAsync(ShellCommand.Of("stat", "-c", "%a", path), cancellationToken: Token);
            Assert.Equal("600\n", mode.Output);
            using var back = new MemoryStream();
            await Shell.DownloadAsync(path, back, Token);
            Assert.Equal(content, Encoding.UTF8.GetString(back.ToArray()));
        }
        finally
        {
            await Shell.RunAsync(ShellCommand.Of("rm", "-f", path), cancellationToken: Token);
        }
    }

    private static string RandomString()
    {
        var alphabet = "abc XYZ 019 '\"$`\\;|&<>(){}[]*?~#!%^=+-_.,:/\n\t\r ünï日本🚀\u0001\u007f";
        var runes = alphabet.EnumerateRunes().ToArray();
        var text = new StringBuilder();
        for (var i = Random.Shared.Next(0, 40); i > 0; i--)
        {
            text.Append(runes[Random.Shared.Next(runes.Length)].ToString());
        }

        return text.ToString();
    }

    private static string Escape(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
