using System.Text;
using System.Text.Json;
using Coolify.Core.Common;
using Coolify.Core.Services.Compose;

namespace Coolify.Core.Tests.Services;

/// <summary>
/// Every template of Coolify's catalog (a copy beside the repository, <c>../shared/reference/</c>, not committed here)
/// read, planned and rendered as a one-click service would be. Those that need a team admin's permission (the Docker
/// socket, the host's network, ...) are rendered again with it. What fails is listed in docs/compose-templates.md.
/// </summary>
public sealed class CoolifyTemplateCatalogTests(ITestOutputHelper output)
{
    // Each with its reason in docs/compose-templates.md.
    private static readonly Dictionary<string, string> KnownFailures = new(StringComparer.Ordinal);

    [Fact]
    public void Render_EveryCoolifyTemplate_ParsesAndNormalises()
    {
        var path = CatalogPath();
        Assert.SkipWhen(path is null, "../shared/reference/coolify-service-templates.json is not beside the repository");
        using var catalog = JsonDocument.Parse(File.ReadAllBytes(path!));

        var (plain, values, risky, failed) = (0, new List<string>(), new List<string>(), new List<string>());
        foreach (var template in catalog.RootElement.EnumerateObject())
        {
            var yaml = Encoding.UTF8.GetString(Convert.FromBase64String(template.Value.GetProperty("compose").GetString()!));
            var outcome = Outcome(yaml);
            (outcome switch { "" => null, "values" => values, "permission" => risky, _ => failed })?.Add($"{template.Name}: {Outcome(yaml, detail: true)}");
            plain += outcome == "" ? 1 : 0;
        }

        output.WriteLine($"{plain} templates render as they are, {values.Count} once the user fills in required values, "
            + $"{risky.Count} once a team admin allows their options, {failed.Count} fail.");
        values.ForEach(v => output.WriteLine("needs values — " + v));
        risky.ForEach(r => output.WriteLine("needs permission — " + r));
        failed.ForEach(f => output.WriteLine("FAILED — " + f));
        Assert.True(plain + values.Count + risky.Count > 300, "the catalog copy looks truncated");
        Assert.Equal(KnownFailures.Keys.Order(), failed.Select(f => f[..f.IndexOf(':')]).Order());
    }

    // "" when it renders as it is; "values" when required variables must be typed first; "permission" when it holds
    // options a team admin must allow; "failed" otherwise (with detail: the message).
    private static string Outcome(string yaml, bool detail = false)
    {
        string? first = null;
        foreach (var (fill, allow, name) in new[] { (false, false, ""), (true, false, "values"), (true, true, "permission") })
        {
            try
            {
                ServiceComposeScenario.Run(yaml, allowRisky: allow, fillRequired: fill);
                return detail ? first ?? "" : name;
            }
            catch (ValidationException e)
            {
                first ??= e.Message;
            }
        }

        return detail ? first! : "failed";
    }

    private static string? CatalogPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Coolify.slnx")))
            {
                var candidate = Path.Combine(folder.FullName, "..", "shared", "reference", "coolify-service-templates.json");
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
