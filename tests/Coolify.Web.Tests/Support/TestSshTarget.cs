using System.Diagnostics;

namespace Coolify.Web.Tests.Support;

/// <summary>The sshd scripts/test.sh starts (COOLIFY_TEST_SSH_*), as the web tests reach it.</summary>
public static class TestSshTarget
{
    public static (string Host, int Port, string User, string KeyFile)? Get()
    {
        var host = Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_HOST");
        var key = Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_KEY");
        if (host is null || key is null)
        {
            return Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") == "1"
                ? throw new InvalidOperationException("COOLIFY_TEST_SSH_* is not set: start the tests with scripts/test.sh.")
                : null;
        }

        return (host, int.Parse(Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_PORT") ?? "22", System.Globalization.CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("COOLIFY_TEST_SSH_USER") ?? "coolifytest", key);
    }

    /// <summary>Adds a public key to the test user's authorized_keys, as a person pasting it on the server would.</summary>
    public static async Task AuthorizeAsync(string publicKey, CancellationToken cancellationToken)
    {
        var target = Get() ?? throw new InvalidOperationException("no test sshd");
        var start = new ProcessStartInfo("ssh")
        {
            ArgumentList =
            {
                "-i", target.KeyFile, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                $"{target.User}@{target.Host}", "cat >> .ssh/authorized_keys",
            },
            RedirectStandardInput = true,
        };
#pragma warning disable RS0030 // A test helper acting as the person at the server, outside the product.
        using var ssh = Process.Start(start)!;
#pragma warning restore RS0030
        await ssh.StandardInput.WriteLineAsync(publicKey);
        ssh.StandardInput.Close();
        await ssh.WaitForExitAsync(cancellationToken);
        if (ssh.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh exited with {ssh.ExitCode}");
        }
    }
}
