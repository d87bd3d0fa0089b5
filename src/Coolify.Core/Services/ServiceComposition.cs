using Coolify.Core.Services.Compose;
using Coolify.Core.Services.Magic;

namespace Coolify.Core.Services;

/// <summary>
/// A service's compose file against its stored rows: the compose services as service applications and databases
/// (new ones classified, gone ones removed), the variables the file asks for, the file rendered for the server.
/// </summary>
public sealed class ServiceComposition(Service service, ComposeMap document)
{
    public ComposeMap Document { get; } = document;

    public IReadOnlySet<string> Databases { get; } = Classify(service, document);

    public IReadOnlySet<string> Rollable => ComposeRollout.Rollable(Document, Databases);

    /// <exception cref="Common.ValidationException">The file is not a compose file within the limits.</exception>
    public static ServiceComposition Read(Service service) => new(service, ComposeYamlReader.Read(service.DockerComposeRaw));

    /// <summary>Adds rows for new compose services and removes those of services no longer in the file; images follow the file.</summary>
    public void SyncMembers()
    {
        var services = ((ComposeMap)Document["services"]!).Entries.Where(e => e.Value is ComposeMap).ToDictionary(e => e.Key, e => (ComposeMap)e.Value);
        service.Applications.RemoveAll(a => !services.ContainsKey(a.Name) || Databases.Contains(a.Name));
        service.Databases.RemoveAll(d => !services.ContainsKey(d.Name) || !Databases.Contains(d.Name));
        foreach (var (name, definition) in services)
        {
            var image = definition.Text("image");
            var excluded = definition.Text("exclude_from_hc") is { } exclude && ComposeValues.IsTrue(exclude) || definition.Text("restart") == "no";
            if (Databases.Contains(name))
            {
                var database = service.Databases.SingleOrDefault(d => d.Name == name);
                if (database is null)
                {
                    service.Databases.Add(database = new ServiceDatabase { Name = name, ExcludeFromStatus = excluded });
                }

                database.Image = image;
                database.DatabaseType = ServiceDatabaseImages.EngineOf(definition) is { Length: > 0 } engine ? engine : null;
            }
            else
            {
                var application = service.Applications.SingleOrDefault(a => a.Name == name);
                if (application is null)
                {
                    service.Applications.Add(application = new ServiceApplication { Name = name, ExcludeFromStatus = excluded });
                }

                application.Image = image;
            }
        }
    }

    /// <summary>The variables the file asks for, planned against the stored ones; new domains go to the applications without one.</summary>
    public ServiceVariablePlan Plan(IReadOnlyDictionary<string, string?> stored, Func<string, string> domainFor, TimeProvider time)
    {
        var fqdns = service.Applications.ToDictionary(a => a.Name, a => a.Fqdn, StringComparer.Ordinal);
        var plan = MagicVariables.Plan(Document, service.Uuid, stored, fqdns, domainFor, Databases, time);
        foreach (var (name, fqdn) in plan.Domains)
        {
            if (service.Applications.SingleOrDefault(a => a.Name == name) is { Fqdn: null } application)
            {
                application.Fqdn = fqdn;
            }
        }

        return plan;
    }

    /// <summary>The file for the server (see <see cref="ComposeRenderer"/>).</summary>
    /// <param name="placeholders">Give required variables that have no value a stand-in: to check a file before its values are typed in.</param>
    /// <exception cref="Common.ValidationException">A variable is missing, a name or option is refused.</exception>
    /// <param name="approving">A team admin is saving: every risk the file holds is allowed (and recorded by the caller).</param>
    public RenderedCompose Render(ServiceVariablePlan plan, IReadOnlySet<string> literal, bool placeholders = false, bool approving = false)
    {
        var values = new Dictionary<string, string>(plan.Values, StringComparer.Ordinal);
        foreach (var required in plan.Required.Where(r => placeholders && values.GetValueOrDefault(r) is null or ""))
        {
            values[required] = "placeholder";
        }

        var members = service.Applications.Select(a => (a.Name, Member: new ComposeMember(a.Uuid, false, a.Fqdn)))
            .Concat(service.Databases.Select(d => (d.Name, Member: new ComposeMember(d.Uuid, true, null))))
            .ToDictionary(m => m.Name, m => m.Member, StringComparer.Ordinal);
        var context = new ComposeRenderContext(service.Uuid, Folder(service.Uuid), values, literal, members, service.AllowRiskyOptions)
        {
            Rollable = Rollable,
            LiteralLabels = service.IsContainerLabelEscapeEnabled,
            ApprovedRisks = approving ? null : (service.ApprovedRisks ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        };
        return ComposeRenderer.Render(Document, context);
    }

    /// <summary>Where a service's relative paths go on its server (Coolify's folder).</summary>
    public static string Folder(string uuid) => $"/data/coolify/services/{uuid}";

    // A compose service stays what it was stored as; a new one is a database when its image says so.
    private static HashSet<string> Classify(Service service, ComposeMap document)
    {
        var databases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, node) in (document["services"] as ComposeMap)?.Entries ?? [])
        {
            var known = service.Applications.Any(a => a.Name == name) ? false : service.Databases.Any(d => d.Name == name) ? true : (bool?)null;
            if (known ?? (node is ComposeMap definition && ServiceDatabaseImages.EngineOf(definition) is not null))
            {
                databases.Add(name);
            }
        }

        return databases;
    }
}
