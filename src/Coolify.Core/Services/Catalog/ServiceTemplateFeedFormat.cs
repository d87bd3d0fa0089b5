using System.Text;
using System.Text.Json;

namespace Coolify.Core.Services.Catalog;

/// <summary>
/// Reads Coolify's template feed (<c>service-templates-latest.json</c>): a JSON object of name →
/// {documentation, slogan, compose (base64 YAML), tags, category, logo, minversion, port, template_last_updated_at, ...}.
/// Fields we do not know are ignored; an entry we cannot use is skipped, never the whole feed.
/// </summary>
public static class ServiceTemplateFeedFormat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="FormatException">The document is not a JSON object.</exception>
    public static ServiceTemplateFeed Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The service template feed is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The service template feed is not a JSON object of templates.");
            }

            var templates = new List<ServiceTemplate>();
            var skipped = new List<string>();
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (Read(entry) is { } template && templates.TrueForAll(t => !t.Name.Equals(template.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    templates.Add(template);
                }
                else
                {
                    skipped.Add(entry.Name);
                }
            }

            return new ServiceTemplateFeed(templates, skipped);
        }
    }

    private static ServiceTemplate? Read(JsonProperty entry)
    {
        if (!ServiceTemplateFields.IsValidName(entry.Name) || entry.Value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var fields = entry.Value;
        var compose = Decode(String(fields, "compose"));
        if (compose is null)
        {
            return null;
        }

        var tags = fields.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null)
            : [];
        return new ServiceTemplate(
            entry.Name,
            ServiceTemplateFields.WebAddress(String(fields, "documentation")),
            ServiceTemplateFields.Text(String(fields, "slogan")),
            ServiceTemplateFields.Tags(tags),
            ServiceTemplateFields.Text(String(fields, "category")),
            ServiceTemplateFields.Logo(String(fields, "logo")),
            ServiceTemplateFields.Text(String(fields, "minversion")) ?? "0.0.0",
            ServiceTemplateFields.Port(String(fields, "port")),
            compose,
            ServiceTemplateFields.Timestamp(String(fields, "template_last_updated_at")));
    }

    /// <summary>A string field, or a number written as one (Coolify writes ports as strings, a hand-edited feed may not).</summary>
    private static string? String(JsonElement fields, string name) =>
        !fields.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    private static string? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        try
        {
            var yaml = StrictUtf8.GetString(Convert.FromBase64String(base64));
            return string.IsNullOrWhiteSpace(yaml) ? null : yaml;
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }
}
