namespace Coolify.Core.Services.Catalog;

/// <summary>The catalog at one moment: its templates sorted by name, and where they came from.</summary>
public sealed record ServiceTemplateSnapshot(IReadOnlyList<ServiceTemplate> Templates, ServiceTemplateSource Source)
{
    public ServiceTemplate? Find(string name) => Templates.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The feed's templates, and the built-in ones under names the feed does not have.</summary>
    public static ServiceTemplateSnapshot Merge(IReadOnlyList<ServiceTemplate> feed, ServiceTemplateSource source)
    {
        var names = feed.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var templates = feed.Concat(BuiltInServiceTemplates.All.Where(t => !names.Contains(t.Name)))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ServiceTemplateSnapshot(templates, source);
    }
}
