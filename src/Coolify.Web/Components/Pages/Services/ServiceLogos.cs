using Coolify.Core.Services.Catalog;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>
/// Where the browser loads a template's logo from: Coolify's templates name files under its <c>public/</c>
/// folder, which we do not ship, so they come from <see cref="BaseUrl"/> (Coolify's repository by default).
/// </summary>
/// <param name="BaseUrl">Ends with a slash; null: no logos, every card shows the neutral icon.</param>
public sealed record ServiceLogos(Uri? BaseUrl)
{
    public static readonly Uri CoolifyPublicFolder = new("https://raw.githubusercontent.com/coollabsio/coolify/refs/heads/main/public/");

    /// <summary>The logo's address, or null when there is none to load (Coolify's placeholder counts as none).</summary>
    public string? For(ServiceTemplate template)
    {
        var logo = template.Logo;
        if (BaseUrl is null || logo is null || Path.GetFileName(logo) == "default.webp")
        {
            return null;
        }

        if (Uri.TryCreate(logo, UriKind.Absolute, out var absolute))
        {
            return absolute.AbsoluteUri;
        }

        // A few feed entries say svg/ where Coolify's folder is svgs/ (Coolify corrects them the same way).
        if (logo.StartsWith("svg/", StringComparison.Ordinal))
        {
            logo = "svgs/" + logo["svg/".Length..];
        }

        return new Uri(BaseUrl, logo).AbsoluteUri;
    }
}
