using Coolify.Core.Services;
using Coolify.Core.Services.Compose;
using Coolify.Core.Services.Magic;

namespace Coolify.Core.Tests.Services;

/// <summary>A compose file taken through what a service does with it: read, classified, its variables planned, rendered.</summary>
internal static class ServiceComposeScenario
{
    public const string Uuid = "svc0123456789abcdefghijk";

    public static string DomainFor(string label) => $"http://{label}.1.2.3.4.sslip.io";

    public static (ServiceVariablePlan Plan, RenderedCompose Rendered) Run(
        string yaml, IReadOnlyDictionary<string, string?>? existing = null, bool allowRisky = false, IReadOnlyDictionary<string, string?>? fqdns = null,
        bool fillRequired = false, IReadOnlyList<string>? approved = null)
    {
        var document = ComposeYamlReader.Read(yaml);
        var services = ((ComposeMap)document["services"]!).Entries.Where(e => e.Value is ComposeMap).ToList();
        var databases = services.Where(s => ServiceDatabaseImages.EngineOf((ComposeMap)s.Value) is not null).Select(s => s.Key).ToHashSet();
        var plan = MagicVariables.Plan(document, Uuid, existing ?? new Dictionary<string, string?>(), fqdns ?? new Dictionary<string, string?>(), DomainFor, databases, TimeProvider.System);
        foreach (var required in plan.Required.Where(r => fillRequired && plan.Values[r].Length == 0))
        {
            plan.Values[required] = "value-the-user-typed";
        }

        var members = services.ToDictionary(s => s.Key, s => new ComposeMember(
            "sub-" + s.Key, databases.Contains(s.Key), plan.Domains.GetValueOrDefault(s.Key) ?? fqdns?.GetValueOrDefault(s.Key)));
        var context = new ComposeRenderContext(Uuid, $"/data/coolify/services/{Uuid}", plan.Values, new HashSet<string>(), members, allowRisky)
        {
            ApprovedRisks = approved?.ToHashSet(StringComparer.Ordinal),
            Builds = ("/tmp/checkout", "abc"),
        };
        return (plan, ComposeRenderer.Render(document, context));
    }

    public static ComposeMap Service(RenderedCompose rendered, string name) => (ComposeMap)((ComposeMap)rendered.Document["services"]!)[name]!;

    public static ComposeMap Environment(RenderedCompose rendered, string name) => (ComposeMap)Service(rendered, name)["environment"]!;
}
