using Coolify.Core.Services.Compose;

namespace Coolify.Core.Services.Magic;

/// <summary>
/// Coolify's magic variables for a compose file. A <c>SERVICE_URL_&lt;X&gt;[_&lt;PORT&gt;]</c> (or <c>SERVICE_FQDN_...</c>)
/// key in a service's environment gives that service a domain, <c>&lt;x&gt;-&lt;uuid&gt;</c> under the server's wildcard
/// domain or sslip, routed to PORT; every <c>${SERVICE_PASSWORD_&lt;X&gt;}</c>-like reference gets a generated value;
/// every other <c>${VAR:-default}</c> becomes a variable holding its default. Nothing stored is ever regenerated.
/// </summary>
public static class MagicVariables
{
    /// <param name="domainFor">A label (<c>ghost-&lt;uuid&gt;</c>) → <c>scheme://label.host</c> for the service's server.</param>
    /// <param name="fqdns">The compose services' stored domains (comma-separated URLs), null where none.</param>
    /// <param name="databases">The compose services that are databases (they get values, never domains).</param>
    public static ServiceVariablePlan Plan(
        ComposeMap document, string uuid, IReadOnlyDictionary<string, string?> existing, IReadOnlyDictionary<string, string?> fqdns,
        Func<string, string> domainFor, IReadOnlySet<string> databases, TimeProvider time)
    {
        var plan = new ServiceVariablePlan();
        foreach (var (key, value) in existing)
        {
            plan.Values[key] = value ?? string.Empty;
        }

        var services = (document["services"] as ComposeMap)?.Entries.Where(e => e.Value is ComposeMap).Select(e => (e.Key, Map: (ComposeMap)e.Value)).ToList() ?? [];
        string? FqdnOf(string service) => plan.Domains.TryGetValue(service, out var given) ? given : fqdns.GetValueOrDefault(service);

        // Declarations first: a reference anywhere then finds the values they made.
        foreach (var (service, map) in services)
        {
            foreach (var (key, value) in ComposeValues.Environment(map["environment"]) ?? [])
            {
                if (MagicName.Parse(key) is not { Kind: MagicKind.Url or MagicKind.Fqdn } name)
                {
                    continue;
                }

                var path = value is { Length: > 1 } p && p.StartsWith('/') ? p.TrimEnd('/') : string.Empty;
                var fqdn = FqdnOf(service);
                if (fqdn is null && !databases.Contains(service))
                {
                    fqdn = domainFor($"{name.Name.ToLowerInvariant()}-{uuid}") + path + (name.Port is { } port ? $":{port}" : string.Empty);
                    plan.Domains[service] = fqdn;
                }

                var first = fqdn?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
                    ?? domainFor($"{name.Name.ToLowerInvariant()}-{uuid}") + path;
                SetDomain(plan, name.Name, first, name.Port, refresh: true);
            }
        }

        var references = services.SelectMany(s => ComposeWalk.Strings(s.Map).SelectMany(ComposeInterpolation.References).Select(r => (Service: s.Key, Reference: r))).ToList();
        foreach (var (service, reference) in references.Where(r => !IsSupabaseKey(r.Reference.Name)))
        {
            Reference(plan, service, reference, uuid, domainFor, databases, FqdnOf, time);
        }

        foreach (var (service, reference) in references.Where(r => IsSupabaseKey(r.Reference.Name)))
        {
            Reference(plan, service, reference, uuid, domainFor, databases, FqdnOf, time);
        }

        return plan;
    }

    private static void Reference(
        ServiceVariablePlan plan, string service, ComposeReference reference, string uuid, Func<string, string> domainFor,
        IReadOnlySet<string> databases, Func<string, string?> fqdnOf, TimeProvider time)
    {
        var name = MagicName.Parse(reference.Name);
        switch (name?.Kind)
        {
            case null:
                plan.Create(reference.Name, reference.Default ?? string.Empty);
                if (reference.Required)
                {
                    plan.Required.Add(reference.Name);
                }

                break;
            case MagicKind.Url or MagicKind.Fqdn when !plan.Values.ContainsKey(reference.Name):
                var url = domainFor($"{name.Name.ToLowerInvariant().Replace('_', '-')}-{uuid}");
                SetDomain(plan, name.Name, url, name.Port, refresh: false);
                if (Matches(service, name.Name) && fqdnOf(service) is null && !databases.Contains(service))
                {
                    plan.Domains[service] = url + (name.Port is { } port ? $":{port}" : string.Empty);
                }

                break;
            case MagicKind.Generated:
                if (!plan.Values.ContainsKey(reference.Name)
                    && MagicValues.Generate(name.Generator!, plan.Values.GetValueOrDefault("SERVICE_PASSWORD_JWT"), time) is { } generated)
                {
                    plan.Create(reference.Name, generated);
                }

                break;
            case MagicKind.Unknown:
                plan.Create(reference.Name, string.Empty);
                break;
        }
    }

    // SERVICE_URL_X / SERVICE_FQDN_X (and their _PORT forms) from a domain's first URL, its own port dropped.
    private static void SetDomain(ServiceVariablePlan plan, string name, string firstUrl, int? port, bool refresh)
    {
        if (!Uri.TryCreate(firstUrl, UriKind.Absolute, out var uri))
        {
            return;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        Action<string, string> set = refresh ? plan.Refresh : plan.Create;
        set($"SERVICE_URL_{name}", $"{uri.Scheme}://{uri.Host}{path}");
        set($"SERVICE_FQDN_{name}", $"{uri.Host}{path}");
        if (port is { } p)
        {
            set($"SERVICE_URL_{name}_{p}", $"{uri.Scheme}://{uri.Host}:{p}{path}");
            set($"SERVICE_FQDN_{name}_{p}", $"{uri.Host}:{p}{path}");
        }
    }

    private static bool Matches(string service, string name) =>
        string.Equals(service, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(service.Replace('-', '_').Replace('.', '_'), name, StringComparison.OrdinalIgnoreCase);

    private static bool IsSupabaseKey(string key) => MagicName.Parse(key) is { Generator: "SUPABASEANON" or "SUPABASESERVICE" };
}
