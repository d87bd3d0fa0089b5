namespace Coolify.Core.Proxy;

/// <summary>
/// The Traefik proxy container's static configuration, as command-line arguments and environment (Coolify's default
/// Traefik <c>docker-compose.yml</c>): entry points <c>http</c> (:80) and <c>https</c> (:443), the dynamic directory the
/// generated file (<see cref="TraefikConfig"/>) and the server's own file are written to, the Docker provider for
/// container labels (<see cref="TraefikLabels"/>) and the <c>letsencrypt</c> ACME resolver with the HTTP challenge.
/// </summary>
/// <param name="Arguments">Passed as separate arguments (no shell), so no value is quoted.</param>
public sealed record TraefikCommand(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    public const string DynamicDirectory = "/traefik/dynamic";
    public const string CertificateDirectory = "/traefik/certs";
    public const string AcmeStorage = "/traefik/acme.json";
    public const string CertResolver = "letsencrypt";

    /// <summary>The arguments and environment for <paramref name="configuration"/>'s ACME settings; <paramref name="http3"/> needs 443/udp published.</summary>
    public static TraefikCommand For(ProxyConfiguration configuration, bool http3 = false)
    {
        const string Acme = "--certificatesresolvers." + CertResolver + ".acme";
        List<string> arguments =
        [
            "--ping=true",
            "--ping.entrypoint=http",
            "--entrypoints.http.address=:80",
            "--entrypoints.https.address=:443",
            // Go's server drops a query with ';' in it; Coolify keeps them, so apps see the same queries.
            "--entrypoints.http.http.encodequerysemicolons=true",
            "--entrypoints.https.http.encodequerysemicolons=true",
            "--entrypoints.http.http2.maxconcurrentstreams=250",
            "--entrypoints.https.http2.maxconcurrentstreams=250",
            "--providers.file.directory=" + DynamicDirectory,
            "--providers.file.watch=true",
            "--providers.docker=true",
            "--providers.docker.exposedbydefault=false",
            Acme + ".httpchallenge=true",
            Acme + ".httpchallenge.entrypoint=http",
            Acme + ".storage=" + AcmeStorage,
        ];
        if (http3)
        {
            arguments.Add("--entrypoints.https.http3=true");
        }

        if (configuration.AcmeEmail is { } email)
        {
            arguments.Add(Acme + ".email=" + Value(email));
        }

        if (configuration.AcmeDirectory is { } directory)
        {
            arguments.Add(Acme + ".caserver=" + Value(directory));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (configuration.AcmeCaRootPath is { } root)
        {
            // Traefik's ACME client (lego) reads its trusted roots from the environment, and with this variable alone it
            // trusts only these; the system pool is kept too so Let's Encrypt still works if the directory is changed back.
            environment["LEGO_CA_CERTIFICATES"] = Value(root);
            environment["LEGO_CA_SYSTEM_CERT_POOL"] = "true";
        }

        return new TraefikCommand(arguments, environment);
    }

    // Checked when entered with the Caddyfile's token rule (visible ASCII, no space); an argument holds any such value.
    private static string Value(string value) =>
        CaddyConfig.IsToken(value) ? value : throw new ArgumentException($"'{value}' cannot be passed to Traefik.", nameof(value));
}
