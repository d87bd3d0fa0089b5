using System.Security.Cryptography.X509Certificates;
using Coolify.Core.Commands;
using Coolify.Core.Docker;
using Coolify.Core.Servers;

namespace Coolify.Core.Proxy;

/// <summary>
/// The proxy container of one server (<c>coolify-proxy</c>, as Coolify names it), whatever its type: started with
/// what the database asks (<see cref="DesiredProxy"/>, rendered in the type's own format), joined to every
/// destination network, given new configurations in place. Each type says how it renders, checks and loads them.
/// </summary>
public abstract class ProxyContainer(IServerShell shell)
{
    public const string Name = "coolify-proxy";

    protected IServerShell Shell { get; } = shell;

    protected DockerCli Docker { get; } = new(shell);

    /// <summary>The container for the server's proxy type (<c>caddy</c> or <c>traefik</c>).</summary>
    public static ProxyContainer For(Server server, IServerShell shell, ProxyImages images) =>
        server.ProxyType == "traefik" ? new TraefikContainer(shell, images) : new CaddyContainer(shell, images);

    /// <summary>The whole configuration as the proxy reads it: shown on the server, and compared to skip an unchanged apply.</summary>
    public abstract string Render(DesiredProxy desired);

    /// <summary>Starts the proxy with <paramref name="desired"/> (checked first) on the given networks.</summary>
    /// <exception cref="ProxyConfigurationException">The configuration was refused: nothing was started.</exception>
    public abstract Task StartAsync(DesiredProxy desired, ServerProxy settings, IReadOnlyList<string> networks, CancellationToken cancellationToken);

    /// <summary>Checks <paramref name="desired"/>, then loads it without dropping open connections.</summary>
    /// <exception cref="ProxyConfigurationException">It was refused; the proxy still runs its previous configuration.</exception>
    public abstract Task ApplyAsync(DesiredProxy desired, CancellationToken cancellationToken);

    /// <summary>Checks <paramref name="desired"/> without loading it (the proxy need not run).</summary>
    /// <exception cref="ProxyConfigurationException">It was refused.</exception>
    public abstract Task ValidateAsync(DesiredProxy desired, CancellationToken cancellationToken);

    /// <summary>The certificate the proxy obtained for <paramref name="host"/> over ACME, or null when it has none yet.</summary>
    /// <param name="host">A validated host name (<see cref="ProxyDomain"/>).</param>
    public abstract Task<X509Certificate2?> CertificateAsync(string host, CancellationToken cancellationToken);

    /// <summary>Docker's state of the container (<c>running</c>, <c>exited</c>, ...), or <c>missing</c>.</summary>
    public Task<string> StatusAsync(CancellationToken cancellationToken) => Docker.ContainerStatusAsync(Name, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Docker.StopAsync(Name, 10, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Docker.RemoveContainerIfExistsAsync(Name, cancellationToken);
    }

    public Task<CommandResult> LogsAsync(int lines, CancellationToken cancellationToken) => Docker.TailLogsAsync(Name, lines, cancellationToken, timestamps: true);

    /// <summary>Joins networks the running proxy is not on yet (destinations made after it started).</summary>
    public async Task JoinAsync(IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        var inspect = await Docker.InspectContainerAsync(Name, cancellationToken);
        var joined = inspect is { } found && found.GetProperty("NetworkSettings").TryGetProperty("Networks", out var list)
            ? list.EnumerateObject().Select(n => n.Name).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var network in networks.Where(n => !joined.Contains(n)))
        {
            await Docker.ConnectNetworkAsync(network, Name, cancellationToken);
        }
    }

    /// <summary>Runs the container with <paramref name="files"/> put in first (paths from the container's root), then joins the other networks.</summary>
    protected async Task RunAsync(DockerRun run, IEnumerable<(string Path, byte[]? Content)> files, IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        await Docker.RemoveContainerIfExistsAsync(Name, cancellationToken);
        var archive = await Shell.TemporaryAsync(cancellationToken);
        try
        {
            using (var tar = TarFiles.Create(files))
            {
                await Shell.UploadAsync(tar, archive, 0x180, cancellationToken);
            }

            await Docker.RunAsync(run with { Name = Name, Network = networks.FirstOrDefault(), FilesArchive = archive, ExtraHosts = ["host.docker.internal:host-gateway"] }, cancellationToken);
        }
        finally
        {
            await Shell.RunAsync(ShellCommand.Of("rm", "-f", "--", archive), cancellationToken: CancellationToken.None);
        }

        foreach (var network in networks.Skip(1))
        {
            await Docker.ConnectNetworkAsync(network, Name, cancellationToken);
        }
    }

    /// <summary>Deletes the files of certificates no longer uploaded from <paramref name="folder"/>: a deleted certificate's key does not stay behind.</summary>
    protected async Task RemoveStaleCertificatesAsync(string folder, DesiredProxy desired, CancellationToken cancellationToken)
    {
        var kept = desired.Certificates.SelectMany(c => new[] { $"{folder}/{c.Uuid}.crt", $"{folder}/{c.Uuid}.key" }).ToHashSet(StringComparer.Ordinal);
        var listed = await Docker.ExecAsync(Name, ["find", folder, "-type", "f"], cancellationToken);
        var stale = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(f => !kept.Contains(f)).ToList();
        if (stale.Count > 0)
        {
            await Docker.ExecAsync(Name, ["rm", "-f", "--", .. stale], cancellationToken);
        }
    }

    /// <summary>The uploaded certificates as files of <paramref name="folder"/> (relative): <c>&lt;uuid&gt;.crt</c> and <c>.key</c>.</summary>
    protected static IEnumerable<(string, byte[]?)> CertificateFiles(string folder, DesiredProxy desired)
    {
        yield return (folder, null);
        foreach (var certificate in desired.Certificates)
        {
            yield return ($"{folder}/{certificate.Uuid}.crt", System.Text.Encoding.UTF8.GetBytes(certificate.CertificatePem));
            yield return ($"{folder}/{certificate.Uuid}.key", System.Text.Encoding.UTF8.GetBytes(certificate.PrivateKeyPem));
        }
    }
}

/// <summary>The proxy refused a configuration; the message is the proxy's own.</summary>
public sealed class ProxyConfigurationException(string message) : Exception(message);
