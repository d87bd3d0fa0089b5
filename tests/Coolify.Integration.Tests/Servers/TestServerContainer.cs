using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;

namespace Coolify.Integration.Tests.Servers;

/// <summary>
/// One more server for a test: a container of COOLIFY_TEST_SSHD_IMAGE (scripts/lib/images.sh) with sshd on port 22
/// at an address of its own (its own network namespace), user <c>deploy</c> with passwordless sudo, and neither
/// Docker nor git. Removed on dispose.
/// </summary>
public sealed class TestServerContainer : IAsyncDisposable
{
    private static readonly LocalServerShell Host = new();

    private TestServerContainer(string name, string address)
    {
        Name = name;
        Address = address;
    }

    public string Name { get; }

    public string Address { get; }

    public const string User = "deploy";

    public static string? Image
    {
        get
        {
            var image = Environment.GetEnvironmentVariable("COOLIFY_TEST_SSHD_IMAGE");
            if (image is null && Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") == "1")
            {
                throw new InvalidOperationException("COOLIFY_TEST_SSHD_IMAGE is not set: start the tests with scripts/test.sh.");
            }

            return image;
        }
    }

    /// <summary>Starts the server, accepting <paramref name="publicKey"/>, and waits until sshd answers.</summary>
    public static async Task<TestServerContainer> StartAsync(string publicKey, CancellationToken cancellationToken)
    {
        var name = $"coolify-test-server-{Guid.NewGuid():N}"[..36];
        var run = ShellCommand.Of("docker", "run", "-d", "--rm", "--name", name, "--label", "coolify.test=true", "-e", "AUTHORIZED_KEY=" + publicKey, Image!);
        (await Host.RunAsync(run, cancellationToken: cancellationToken)).EnsureSuccess(run);
        var inspect = ShellCommand.Of("docker", "inspect", "--format", "{{json .NetworkSettings.IPAddress}}", "--", name);
        var address = JsonSerializer.Deserialize<string>((await Host.RunAsync(inspect, cancellationToken: cancellationToken)).EnsureSuccess(inspect).Output)!;
        var container = new TestServerContainer(name, address);
        await container.WaitForSshAsync(cancellationToken);
        return container;
    }

    private async Task WaitForSshAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(Address, 22, deadline.Token);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100, deadline.Token); // polling a condition: sshd listening
            }
        }
    }

    public async ValueTask DisposeAsync() =>
        await Host.RunAsync(ShellCommand.Of("docker", "rm", "-f", "--", Name).DiscardOutput(), cancellationToken: CancellationToken.None);
}
