using System.Security.Cryptography.X509Certificates;
using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Docker;

namespace Coolify.Core.Proxy;

/// <summary>
/// The Caddy proxy: its Caddyfile and uploaded certificates in the volume <c>coolify-proxy-config</c> (/etc/caddy),
/// ACME certificates in <c>coolify-proxy-data</c> (/data); new configurations loaded only after Caddy's own
/// validator accepted them, so a refused one leaves the running configuration as it was.
/// </summary>
public sealed class CaddyContainer(IServerShell shell, ProxyImages images) : ProxyContainer(shell)
{
    public const string ConfigVolume = "coolify-proxy-config";
    public const string DataVolume = "coolify-proxy-data";
    public const string CaRootPath = "/etc/caddy/acme-ca-root.pem";
    public const string CertificatesFolder = "/etc/caddy/certs";
    private const string ConfigPath = "/etc/caddy/Caddyfile";
    private const string NextPath = "/etc/caddy/Caddyfile.next";

    public override string Render(DesiredProxy desired) =>
        CaddyConfig.Render(desired.Configuration with { AcmeCaRootPath = desired.CaRoot is null ? null : CaRootPath });

    public override async Task StartAsync(DesiredProxy desired, ServerProxy settings, IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        await ValidateAsync(desired, cancellationToken);
        await Docker.CreateVolumeAsync(ConfigVolume, [], cancellationToken);
        await Docker.CreateVolumeAsync(DataVolume, [], cancellationToken);
        var run = new DockerRun(
            Name, images.Caddy, ["coolify.proxy=true"], Command: ["caddy", "run", "--config", ConfigPath, "--adapter", "caddyfile"],
            Ports: [$"{settings.HttpPort}:80", $"{settings.HttpsPort}:443"], Volumes: [$"{ConfigVolume}:/etc/caddy", $"{DataVolume}:/data"]);
        // Laid out from the container's root: the files land in /etc/caddy (the config volume).
        await RunAsync(run, Files(desired, "Caddyfile").Select(f => ("etc/caddy/" + f.Item1, f.Item2)), networks, cancellationToken);
    }

    /// <summary>Validates in the running proxy, then <c>caddy reload</c> (graceful: open connections finish), then keeps it.</summary>
    public override async Task ApplyAsync(DesiredProxy desired, CancellationToken cancellationToken)
    {
        using var archive = TarFiles.Create(Files(desired, "Caddyfile.next"));
        await Docker.CopyIntoAsync(Name, "/etc/caddy", archive, cancellationToken);
        var result = await Docker.ExecAsync(Name, ["sh", "-c",
            $"caddy validate --config {NextPath} --adapter caddyfile 2>&1 && caddy reload --config {NextPath} --adapter caddyfile 2>&1 && mv {NextPath} {ConfigPath}"], cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProxyConfigurationException(Explain(result.Output + result.Error));
        }

        await RemoveStaleCertificatesAsync(CertificatesFolder, desired, cancellationToken);
    }

    /// <summary>Checks with the proxy image's <c>caddy validate</c> in a container of its own.</summary>
    public override async Task ValidateAsync(DesiredProxy desired, CancellationToken cancellationToken)
    {
        using var archive = TarFiles.Create(Files(desired, "Caddyfile"));
        var check = ShellCommand.Of("docker", "run", "--rm", "-i", "--label", DockerCli.ManagedLabel, "--entrypoint", "sh", "--", images.Caddy, "-c",
            $"tar -x -C /etc/caddy && caddy validate --config {ConfigPath} --adapter caddyfile 2>&1");
        var result = await Shell.RunAsync(check, new CommandOptions { Input = archive.ToArray(), Timeout = TimeSpan.FromMinutes(2) }, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProxyConfigurationException(Explain(result.Output + result.Error));
        }
    }

    public override async Task<X509Certificate2?> CertificateAsync(string host, CancellationToken cancellationToken)
    {
        // Caddy keeps certificates under /data/caddy/certificates/<issuer>/<host>/<host>.crt (leaf first, then the chain).
        var result = await Docker.ExecAsync(Name, ["find", "/data/caddy/certificates", "-name", host + ".crt", "-exec", "cat", "{}", ";"], cancellationToken);
        return result.Succeeded ? ProxyPem.FirstCertificate(result.Output) : null;
    }

    // What goes in /etc/caddy: the configuration, the ACME CA to trust, and the uploaded certificates.
    private IEnumerable<(string, byte[]?)> Files(DesiredProxy desired, string configName)
    {
        yield return (configName, Encoding.UTF8.GetBytes(Render(desired)));
        if (desired.CaRoot is not null)
        {
            yield return (Path.GetFileName(CaRootPath), Encoding.UTF8.GetBytes(desired.CaRoot));
        }

        foreach (var file in CertificateFiles(Path.GetFileName(CertificatesFolder), desired))
        {
            yield return file;
        }
    }

    // Caddy's messages carry a JSON log prefix; the user needs the error itself.
    private static string Explain(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "Caddy refused the configuration.";
        return error.StartsWith("Error:", StringComparison.Ordinal) ? error["Error:".Length..].Trim() : error;
    }
}
