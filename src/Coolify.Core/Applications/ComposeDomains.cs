using System.Text.Json;
using System.Text.Json.Nodes;
using Coolify.Core.Common;

namespace Coolify.Core.Applications;

/// <summary>
/// A dockercompose application's domains per compose service, stored as Coolify stores them
/// (<c>{"web": {"domain": "https://a.example.com,https://b.example.com"}}</c>), each domain checked as any other.
/// </summary>
public static class ComposeDomains
{
    /// <summary>The domains by compose service (services with none left out).</summary>
    public static Dictionary<string, string> Read(string? stored)
    {
        var domains = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(stored))
        {
            return domains;
        }

        try
        {
            foreach (var (name, entry) in JsonNode.Parse(stored)?.AsObject() ?? [])
            {
                if (entry?["domain"]?.GetValue<string>() is { Length: > 0 } domain)
                {
                    domains[name] = domain;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Written by Write only; an unreadable value means no domains rather than a broken page.
        }

        return domains;
    }

    /// <summary>The stored form of <paramref name="domains"/>; bad names or domains go to <paramref name="rules"/>.</summary>
    public static string? Write(InputRules rules, IReadOnlyList<ComposeDomain> domains)
    {
        var stored = new JsonObject();
        foreach (var (entry, index) in domains.Select((d, i) => (d, i)))
        {
            if (entry.Name is not { } name || !Services.Compose.ComposeChecks.IsName(name))
            {
                rules.Add($"docker_compose_domains.{index}.name", "The name must be a compose service's name (letters, digits, '-', '_' and '.').");
                continue;
            }

            var parsed = Proxy.ProxyDomain.ParseList(rules, $"docker_compose_domains.{index}.domain", entry.Domain);
            stored[name] = new JsonObject { ["domain"] = string.Join(',', parsed) };
        }

        return stored.Count == 0 ? null : stored.ToJsonString();
    }

    /// <summary><paramref name="stored"/> with <paramref name="additions"/> for services that have no entry yet (generated domains).</summary>
    public static string? WithDefaults(string? stored, IReadOnlyDictionary<string, string> additions)
    {
        var node = string.IsNullOrWhiteSpace(stored) ? new JsonObject() : JsonNode.Parse(stored)?.AsObject() ?? new JsonObject();
        foreach (var (name, domain) in additions.Where(a => !node.ContainsKey(a.Key)))
        {
            node[name] = new JsonObject { ["domain"] = domain };
        }

        return node.Count == 0 ? null : node.ToJsonString();
    }
}
