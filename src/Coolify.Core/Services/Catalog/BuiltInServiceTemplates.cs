namespace Coolify.Core.Services.Catalog;

/// <summary>
/// The templates shipped inside the product (<c>Templates/*.yaml</c>, written for this project), so the catalog
/// is never empty: offline, air-gapped, or before the feed has ever been downloaded.
/// </summary>
public static class BuiltInServiceTemplates
{
    private const string ResourcePrefix = "ServiceTemplates/";

    private static readonly Lazy<IReadOnlyList<ServiceTemplate>> Templates = new(Load);

    public static IReadOnlyList<ServiceTemplate> All => Templates.Value;

    private static List<ServiceTemplate> Load()
    {
        var assembly = typeof(BuiltInServiceTemplates).Assembly;
        var templates = new List<ServiceTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            templates.Add(ServiceTemplateFile.Parse(Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]), reader.ReadToEnd()));
        }

        return templates;
    }
}
