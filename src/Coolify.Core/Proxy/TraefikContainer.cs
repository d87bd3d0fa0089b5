using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Core.Docker;

namespace Coolify.Core.Proxy;

/// <summary>
/// The Traefik proxy: routes in a dynamic file (<see cref="TraefikConfig"/>, from the database like Caddy's, so a
/// route moves to a new container only after its health gate), the server's own file beside it, uploaded and ACME
/// certificates in the volume <c>coolify-proxy-traefik</c> (/traefik). Traefik has no validator: the server's own
/// file is checked as YAML before it is written, and files are replaced whole (renamed into place), so its watcher
/// never reads half of one. ACME settings are Traefik's static configuration: changing them makes the container again.
/// </summary>
public sealed class TraefikContainer(IServerShell shell, ProxyImages images) : ProxyContainer(shell)
{
    public const string Volume = "coolify-proxy-traefik";
    public const string CaRootPath = "/traefik/acme-ca-root.pem";
    private const string Dynamic = TraefikCommand.DynamicDirectory;

    public override string Render(DesiredProxy desired)
    {
        var text = new StringBuilder();
        text.Append("# Static configuration (command line): ").AppendJoin(' ', Command(desired).Arguments).Append("\n\n");
        text.Append("# ").Append(Dynamic).Append('/').Append(TraefikConfig.FileName).Append('\n').Append(TraefikConfig.Render(desired.Configuration));
        if (desired.Configuration.Custom is { } custom)
        {
            text.Append("\n# ").Append(Dynamic).Append('/').Append(TraefikConfig.CustomFileName).Append(" (the server's own configuration)\n").Append(custom.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    public override async Task StartAsync(DesiredProxy desired, ServerProxy settings, IReadOnlyList<string> networks, CancellationToken cancellationToken)
    {
        await ValidateAsync(desired, cancellationToken);
        await Docker.CreateVolumeAsync(Volume, [], cancellationToken);
        var command = Command(desired);
        var run = new DockerRun(
            Name, images.Traefik, ["coolify.proxy=true"], Command: ["traefik", .. command.Arguments],
            Ports: [$"{settings.HttpPort}:80", $"{settings.HttpsPort}:443"],
            Volumes: [$"{Volume}:/traefik", "/var/run/docker.sock:/var/run/docker.sock:ro"], Settings: command.Environment);
        await RunAsync(run, Files(desired, string.Empty).Select(f => ("traefik/" + f.Item1, f.Item2)), networks, cancellationToken);
    }

    /// <summary>
    /// Writes the files beside the running ones and renames them into place (Traefik's watcher loads them); when the
    /// static configuration changed, the container is made again with it.
    /// </summary>
    public override async Task ApplyAsync(DesiredProxy desired, CancellationToken cancellationToken)
    {
        await ValidateAsync(desired, cancellationToken);
        var inspect = await Docker.InspectContainerAsync(Name, cancellationToken);
        var running = inspect?.GetProperty("Config").GetProperty("Cmd").EnumerateArray().Select(a => a.GetString()).Skip(1).ToList() ?? [];
        if (!running.SequenceEqual(Command(desired).Arguments))
        {
            throw new ProxyRestartNeededException();
        }

        using var archive = TarFiles.Create(Files(desired, ".next"));
        await Docker.CopyIntoAsync(Name, "/traefik", archive, cancellationToken);
        const string Generated = TraefikConfig.FileName, Custom = TraefikConfig.CustomFileName;
        var custom = desired.Configuration.Custom is null ? $"rm -f {Custom}" : $"mv {Custom}.next {Custom}";
        var result = await Docker.ExecAsync(Name, ["sh", "-c", $"cd {Dynamic} && mv {Generated}.next {Generated} && {custom}"], cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProxyConfigurationException(result.Error.Trim() is { Length: > 0 } error ? error : result.Output.Trim());
        }

        await RemoveStaleCertificatesAsync(TraefikCommand.CertificateDirectory, desired, cancellationToken);
    }

    /// <summary>The server's own file must be YAML (Traefik itself would only log a broken one and ignore it).</summary>
    public override Task ValidateAsync(DesiredProxy desired, CancellationToken cancellationToken)
    {
        if (desired.Configuration.Custom is { } custom)
        {
            try
            {
                new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(custom));
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new ProxyConfigurationException($"Not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.InnerException?.Message ?? ex.Message}");
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>From Traefik's ACME store (<c>acme.json</c>): the certificate whose main domain or alternative names include <paramref name="host"/>.</summary>
    public override async Task<X509Certificate2?> CertificateAsync(string host, CancellationToken cancellationToken)
    {
        var result = await Docker.ExecAsync(Name, ["cat", TraefikCommand.AcmeStorage], cancellationToken);
        if (!result.Succeeded || string.IsNullOrWhiteSpace(result.Output))
        {
            return null;
        }

        try
        {
            using var store = JsonDocument.Parse(result.Output);
            var found = store.RootElement.EnumerateObject()
                .SelectMany(resolver => resolver.Value.TryGetProperty("Certificates", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [])
                .FirstOrDefault(c => Names(c).Contains(host, StringComparer.OrdinalIgnoreCase));
            return found.ValueKind == JsonValueKind.Object && found.TryGetProperty("certificate", out var pem)
                ? ProxyPem.FirstCertificate(Encoding.UTF8.GetString(Convert.FromBase64String(pem.GetString() ?? string.Empty)))
                : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Names(JsonElement certificate)
    {
        if (!certificate.TryGetProperty("domain", out var domain))
        {
            yield break;
        }

        if (domain.TryGetProperty("main", out var main) && main.GetString() is { } name)
        {
            yield return name;
        }

        if (domain.TryGetProperty("sans", out var sans) && sans.ValueKind == JsonValueKind.Array)
        {
            foreach (var san in sans.EnumerateArray())
            {
                yield return san.GetString() ?? string.Empty;
            }
        }
    }

    private static TraefikCommand Command(DesiredProxy desired) =>
        TraefikCommand.For(desired.Configuration with { AcmeCaRootPath = desired.CaRoot is null ? null : CaRootPath });

    // What goes in /traefik: the dynamic files (named with suffix), the ACME CA to trust, and the uploaded certificates.
    private static IEnumerable<(string, byte[]?)> Files(DesiredProxy desired, string suffix)
    {
        yield return ("dynamic", null);
        yield return ($"dynamic/{TraefikConfig.FileName}{suffix}", Encoding.UTF8.GetBytes(TraefikConfig.Render(desired.Configuration)));
        if (desired.Configuration.Custom is { } custom)
        {
            yield return ($"dynamic/{TraefikConfig.CustomFileName}{suffix}", Encoding.UTF8.GetBytes(custom));
        }

        if (desired.CaRoot is not null)
        {
            yield return (Path.GetFileName(CaRootPath), Encoding.UTF8.GetBytes(desired.CaRoot));
        }

        foreach (var file in CertificateFiles(Path.GetFileName(TraefikCommand.CertificateDirectory), desired))
        {
            yield return file;
        }
    }
}

/// <summary>The proxy's static configuration changed: only a new container takes it.</summary>
public sealed class ProxyRestartNeededException() : Exception("The proxy's static configuration changed; it must be made again.");
