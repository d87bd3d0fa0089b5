namespace Coolify.Web.Components.Account;

/// <summary>Where to go after logging in: only a path on this site, never another host (open redirect).</summary>
public static class LocalReturnUrl
{
    public static string From(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Contains("://", StringComparison.Ordinal))
        {
            return "/";
        }

        var path = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        var isLocal = !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.TryCreate(path, UriKind.Relative, out _) && !path.Any(char.IsControl);
        return isLocal ? path : "/";
    }
}
