using System.Security.Cryptography.X509Certificates;
using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Docker;

namespace Coolify.Core.Proxy;

/// <summary>
/// The Caddy container of one server (<c>coolify-proxy</c>, as Coolify names it): started with its configuration
/// and certificates in volumes, joined to every destination network, and given new configurations only after
/// Caddy's own validator accepted them; a refused one leaves the running configuration as it was.
/// </summary>
public sealed class ProxyContainer(IServerShell shell, ProxyImages images)
{
    public const string Name = "coolify-proxy";
    public const string ConfigVolume = "coolify-proxy-config";
    public const string DataVolume = "coolify-proxy-data";
    public const string CaRootPath = "/etc/caddy/acme-ca-root.pem";
    public const string CertificatesFolder = "/etc/caddy/certs";
    private const string ConfigPath = "/etc/caddy/Caddyfile";
    private const string NextPath = "/etc/caddy/Caddyfile.next";

    private readonly DockerCli _docker = new(shell);

    /// <summary>Docker's state of the container (<c>running</c>, <c>exited</c>, ...), or <c>missing</c>.</summary>
    public Task<string> StatusAsync(CancellationToken cancellationToken) => _docker.ContainerStatusAsync(Name, cancellationToken);

    /// <summary>Starts the proxy with <paramref name="configuration"/> (checked first, in a throwaway container), on the given networks.</summary>
    /// <exception cref="ProxyConfigurationException">Caddy refused the configuration: nothing was started.</exception>
    public async Task StartAsync(ProxyFiles files, ServerProxy settings, IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        await ValidateAsync(files, cancellationToken);
        await _docker.RemoveContainerIfExistsAsync(Name, cancellationToken);
        await _docker.CreateVolumeAsync(ConfigVolume, [], cancellationToken);
        await _docker.CreateVolumeAsync(DataVolume, [], cancellationToken);
        var run = new DockerRun(
            Name, images.Caddy, ["coolify.proxy=true"], networks.FirstOrDefault(),
            ["caddy", "run", "--config", ConfigPath, "--adapter", "caddyfile"],
            Ports: [$"{settings.HttpPort}:80", $"{settings.HttpsPort}:443"],
            Volumes: [$"{ConfigVolume}:/etc/caddy", $"{DataVolume}:/data"],
            ExtraHosts: ["host.docker.internal:host-gateway"],
            FilesArchive: await UploadArchiveAsync(Entries(files, "Caddyfile"), cancellationToken));
        try
        {
            await _docker.RunAsync(run, cancellationToken);
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", run.FilesArchive!), cancellationToken: CancellationToken.None);
        }

        foreach (var network in networks.Skip(1))
        {
            await _docker.ConnectNetworkAsync(network, Name, cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _docker.StopAsync(Name, 10, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _docker.RemoveContainerIfExistsAsync(Name, cancellationToken);
    }

    public Task<CommandResult> LogsAsync(int lines, CancellationToken cancellationToken) => _docker.TailLogsAsync(Name, lines, cancellationToken, timestamps: true);

    /// <summary>Joins networks the running proxy is not on yet (destinations made after it started).</summary>
    public async Task JoinAsync(IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        var inspect = await _docker.InspectContainerAsync(Name, cancellationToken);
        var joined = inspect is { } found && found.GetProperty("NetworkSettings").TryGetProperty("Networks", out var list)
            ? list.EnumerateObject().Select(n => n.Name).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var network in networks.Where(n => !joined.Contains(n)))
        {
            await _docker.ConnectNetworkAsync(network, Name, cancellationToken);
        }
    }

    /// <summary>The certificate the proxy holds for <paramref name="host"/> (from its data volume), or null when it has none yet.</summary>
    /// <param name="host">A validated host name (<see cref="ProxyDomain"/>).</param>
    public async Task<X509Certificate2?> CertificateAsync(string host, CancellationToken cancellationToken)
    {
        // Caddy keeps certificates under /data/caddy/certificates/<issuer>/<host>/<host>.crt (leaf first, then the chain).
        var result = await _docker.ExecAsync(Name, ["find", "/data/caddy/certificates", "-name", host + ".crt", "-exec", "cat", "{}", ";"], cancellationToken);
        var pem = result.Output;
        var start = pem.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        var end = pem.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal);
        if (!result.Succeeded || start < 0 || end < start)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(pem.AsSpan(start, end + "-----END CERTIFICATE-----".Length - start));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Validates <paramref name="configuration"/> in the running proxy, then loads it gracefully (open connections finish).</summary>
    /// <exception cref="ProxyConfigurationException">Caddy refused it; the proxy still runs its previous configuration.</exception>
    public async Task ApplyAsync(ProxyFiles files, CancellationToken cancellationToken)
    {
        using var archive = TarFiles.Create(Entries(files, "Caddyfile.next"));
        await _docker.CopyIntoAsync(Name, "/etc/caddy", archive, cancellationToken);
        var result = await _docker.ExecAsync(Name, ["sh", "-c",
            $"caddy validate --config {NextPath} --adapter caddyfile 2>&1 && caddy reload --config {NextPath} --adapter caddyfile 2>&1 && mv {NextPath} {ConfigPath}"], cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProxyConfigurationException(Explain(result.Output + result.Error));
        }

        await RemoveStaleCertificatesAsync(files, cancellationToken);
    }

    /// <summary>Checks a configuration with the proxy image's <c>caddy validate</c> in a container of its own.</summary>
    /// <exception cref="ProxyConfigurationException">Caddy refused it.</exception>
    public async Task ValidateAsync(ProxyFiles files, CancellationToken cancellationToken)
    {
        using var archive = TarFiles.Create(Entries(files, "Caddyfile"));
        var check = ShellCommand.Of("docker", "run", "--rm", "-i", "--label", DockerCli.ManagedLabel, "--entrypoint", "sh", "--", images.Caddy, "-c",
            $"tar -x -C /etc/caddy && caddy validate --config {ConfigPath} --adapter caddyfile 2>&1");
        var result = await shell.RunAsync(check, new CommandOptions { Input = archive.ToArray(), Timeout = TimeSpan.FromMinutes(2) }, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProxyConfigurationException(Explain(result.Output + result.Error));
        }
    }

    // What goes in /etc/caddy: the configuration, the ACME CA to trust, and the uploaded certificates.
    private static IEnumerable<(string, byte[]?)> Entries(ProxyFiles files, string configName)
    {
        yield return (configName, Encoding.UTF8.GetBytes(files.Configuration));
        if (files.CaRoot is not null)
        {
            yield return (Path.GetFileName(CaRootPath), Encoding.UTF8.GetBytes(files.CaRoot));
        }

        yield return ("certs", null);
        foreach (var certificate in files.Certificates)
        {
            yield return ($"certs/{certificate.Uuid}.crt", Encoding.UTF8.GetBytes(certificate.CertificatePem));
            yield return ($"certs/{certificate.Uuid}.key", Encoding.UTF8.GetBytes(certificate.PrivateKeyPem));
        }
    }

    // A deleted certificate's key does not stay behind in the proxy's volume.
    private async Task RemoveStaleCertificatesAsync(ProxyFiles files, CancellationToken cancellationToken)
    {
        var kept = files.Certificates.SelectMany(c => new[] { $"{CertificatesFolder}/{c.Uuid}.crt", $"{CertificatesFolder}/{c.Uuid}.key" }).ToHashSet(StringComparer.Ordinal);
        var listed = await _docker.ExecAsync(Name, ["find", CertificatesFolder, "-type", "f"], cancellationToken);
        var stale = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(f => !kept.Contains(f)).ToList();
        if (stale.Count > 0)
        {
            await _docker.ExecAsync(Name, ["rm", "-f", "--", .. stale], cancellationToken);
        }
    }

    private async Task<string> UploadArchiveAsync(IEnumerable<(string, byte[]?)> files, CancellationToken cancellationToken)
    {
        var path = await shell.TemporaryAsync(cancellationToken);
        // Laid out from the container's root: the files land in /etc/caddy (the config volume).
        using var archive = TarFiles.Create(files.Select(f => ("etc/caddy/" + f.Item1, f.Item2)));
        await shell.UploadAsync(archive, path, 0x180, cancellationToken);
        return path;
    }

    // Caddy's messages carry a JSON log prefix; the user needs the error itself.
    private static string Explain(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "Caddy refused the configuration.";
        return error.StartsWith("Error:", StringComparison.Ordinal) ? error["Error:".Length..].Trim() : error;
    }
}

/// <summary>Everything the proxy reads from its configuration volume: the Caddyfile, an ACME CA to trust, uploaded certificates.</summary>
public sealed record ProxyFiles(string Configuration, string? CaRoot, IReadOnlyList<ProxyCertificate> Certificates);

/// <summary>The proxy's validator refused a configuration; the message is Caddy's.</summary>
public sealed class ProxyConfigurationException(string message) : Exception(message);
