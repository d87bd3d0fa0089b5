using System.Text.RegularExpressions;

namespace Coolify.Core.Services.Catalog;

/// <summary>
/// Reads a template file in the shape of Coolify's <c>templates/compose/*.yaml</c>: header comments
/// (<c># slogan: ...</c>, <c># tags: a,b</c>, <c># port: 80</c>, ...) above the Compose file.
/// </summary>
public static partial class ServiceTemplateFile
{
    /// <exception cref="FormatException">The name is not a catalog name, or there is no Compose file below the header.</exception>
    public static ServiceTemplate Parse(string name, string content)
    {
        if (!ServiceTemplateFields.IsValidName(name))
        {
            throw new FormatException($"'{name}' is not a service template name.");
        }

        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = 0;
        for (; body < lines.Length && (lines[body].StartsWith('#') || string.IsNullOrWhiteSpace(lines[body])); body++)
        {
            // As Coolify's generator: the key runs to the first colon, so addresses keep theirs.
            if (HeaderLine().Match(lines[body]) is { Success: true } match)
            {
                header[match.Groups["key"].Value.Trim()] = match.Groups["value"].Value.Trim();
            }
        }

        var compose = string.Join('\n', lines[body..]);
        if (string.IsNullOrWhiteSpace(compose))
        {
            throw new FormatException($"The service template '{name}' has no Compose file.");
        }

        return new ServiceTemplate(
            name,
            ServiceTemplateFields.WebAddress(header.GetValueOrDefault("documentation")),
            ServiceTemplateFields.Text(header.GetValueOrDefault("slogan")),
            ServiceTemplateFields.Tags(header.GetValueOrDefault("tags")?.Split(',') ?? []),
            ServiceTemplateFields.Text(header.GetValueOrDefault("category")),
            ServiceTemplateFields.Logo(header.GetValueOrDefault("logo")),
            ServiceTemplateFields.Text(header.GetValueOrDefault("minversion")) ?? "0.0.0",
            ServiceTemplateFields.Port(header.GetValueOrDefault("port")),
            compose);
    }

    [GeneratedRegex("^#(?<key>[^:]*):(?<value>.*)$")]
    private static partial Regex HeaderLine();
}
