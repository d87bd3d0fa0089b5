using System.Diagnostics;
using System.Globalization;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers.Ssh;

// Measures the SSH pool for scripts/bench.sh:
//   Coolify.Bench ssh HOST PORT USER KEYFILE COUNT PARALLEL
// prints "sequential_ms_per_command parallel_total_ms failures".
if (args is not ["ssh", var host, var port, var user, var keyFile, var countText, var parallelText])
{
    Console.Error.WriteLine("usage: Coolify.Bench ssh HOST PORT USER KEYFILE COUNT PARALLEL");
    return 2;
}

var count = int.Parse(countText, CultureInfo.InvariantCulture);
var parallel = int.Parse(parallelText, CultureInfo.InvariantCulture);
using var pool = new SshConnectionPool(new AcceptingHostKeys());
var shell = pool.For(new SshServerTarget("bench", host, int.Parse(port, CultureInfo.InvariantCulture), user, await File.ReadAllTextAsync(keyFile)));
var command = ShellCommand.Of("true");
var failures = 0;

// Warm up: the connection and the shells exist before the clock starts, as in a running instance.
await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => shell.RunAsync(command)));

var sequential = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    if (!await Succeeds(() => shell.RunAsync(command)))
    {
        failures++;
    }
}

sequential.Stop();

using var gate = new SemaphoreSlim(parallel);
var concurrent = Stopwatch.StartNew();
var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
{
    await gate.WaitAsync();
    try
    {
        return await Succeeds(() => shell.RunAsync(command));
    }
    finally
    {
        gate.Release();
    }
}));
concurrent.Stop();
failures += outcomes.Count(ok => !ok);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{sequential.Elapsed.TotalMilliseconds / count:0.00} {concurrent.Elapsed.TotalMilliseconds:0} {failures}"));
return 0;

static async Task<bool> Succeeds(Func<Task<CommandResult>> run)
{
    try
    {
        return (await run()).Succeeded;
    }
    catch (Exception ex) when (ex is ServerConnectionException or CommandTimeoutException)
    {
        return false;
    }
}

/// <summary>The benchmark's own sshd: its key is trusted as presented.</summary>
internal sealed class AcceptingHostKeys : IHostKeyStore
{
    public ValueTask<string?> GetPinnedAsync(string serverId, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public ValueTask PinAsync(string serverId, string fingerprint, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
