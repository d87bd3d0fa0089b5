using System.Net;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;

namespace Coolify.Web.Tests.Deployments;

/// <summary>
/// Git repositories in a temporary folder, served read-only by <c>git daemon</c> on a loopback port: what the
/// deployment tests clone from.
/// </summary>
public sealed class TestGitServer : IAsyncDisposable
{
    private static readonly LocalServerShell Host = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("coolify-git-").FullName;
    private readonly CancellationTokenSource _daemon = new();
    private int _port;

    /// <summary>The <c>git://</c> URL of a repository (started with <see cref="StartAsync"/>).</summary>
    public string Url(string repository) => $"git://127.0.0.1:{_port}/{repository}";

    /// <summary>The working copy of a repository on this machine.</summary>
    public string Folder(string repository) => Path.Combine(_root, repository);

    /// <summary>Writes the files (path → content; null deletes) into the repository's <c>main</c> branch as one commit.</summary>
    public async Task CommitAsync(string repository, IReadOnlyDictionary<string, string?> files, string message)
    {
        var folder = Path.Combine(_root, repository);
        if (!Directory.Exists(folder))
        {
            await GitAsync("init", "-q", "-b", "main", folder);
        }

        foreach (var (path, content) in files)
        {
            var file = Path.Combine(folder, path);
            if (content is null)
            {
                File.Delete(file);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content, Token);
        }

        await GitAsync("-C", folder, "add", "-A");
        await GitAsync("-C", folder, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    public async Task StartAsync()
    {
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var serve = ShellCommand.Of("git", "daemon", "--reuseaddr", "--export-all", $"--base-path={_root}", "--listen=127.0.0.1", $"--port={_port}", _root);
        _ = Host.RunAsync(serve, new CommandOptions { Timeout = TimeSpan.FromMinutes(15) }, _daemon.Token);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port, deadline.Token);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50, deadline.Token); // polling a condition: the daemon listening
            }
        }
    }

    private static async Task GitAsync(params string[] arguments)
    {
        var git = ShellCommand.Of("git", arguments);
        (await Host.RunAsync(git, cancellationToken: Token)).EnsureSuccess(git);
    }

    public async ValueTask DisposeAsync()
    {
        await _daemon.CancelAsync();
        _daemon.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
