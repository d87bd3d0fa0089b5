using System.Collections.Concurrent;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers.Ssh;

namespace Coolify.Integration.Tests.Servers;

/// <summary>
/// The OpenSSH server scripts/test.sh starts (COOLIFY_TEST_SSH_*). Without it the SSH tests skip, or fail under
/// COOLIFY_TEST_STRICT=1 as in the test script.
/// </summary>
public static class TestSshServer
{
    public static SshServerTarget? Target(string serverId = "test-server")
    {
        var host = Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_HOST");
        var keyFile = Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_KEY");
        if (host is null || keyFile is null)
        {
            if (Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") == "1")
            {
                throw new InvalidOperationException("COOLIFY_TEST_SSH_* is not set: start the tests with scripts/test.sh.");
            }

            return null;
        }

        return new SshServerTarget(
            serverId, host, int.Parse(Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_PORT") ?? "22", System.Globalization.CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_USER") ?? "coolifytest", File.ReadAllText(keyFile));
    }

    public static SshServerTarget RequireTarget(string serverId = "test-server") =>
        Target(serverId) ?? throw new InvalidOperationException("no test sshd");

    public static bool Available => Target() is not null;
}

/// <summary>Host keys kept in memory, for tests.</summary>
public sealed class MemoryHostKeyStore : IHostKeyStore
{
    public ConcurrentDictionary<string, string> Pinned { get; } = new();

    public ValueTask<string?> GetPinnedAsync(string serverId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Pinned.TryGetValue(serverId, out var key) ? key : null);

    public ValueTask PinAsync(string serverId, string fingerprint, CancellationToken cancellationToken)
    {
        Pinned[serverId] = fingerprint;
        return ValueTask.CompletedTask;
    }
}
