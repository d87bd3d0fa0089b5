using System.Text.RegularExpressions;

namespace Coolify.Core.Deployments;

/// <summary>Credentials written into URLs (<c>https://user:token@host</c>) never reach a stored log line.</summary>
public static partial class DeploymentLogMasking
{
    public static string MaskUrlCredentials(string text) => UrlCredentials().Replace(text, "$1" + Commands.CommandOptions.Mask + "@");

    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s:@]+(?::[^/\s@]*)?@")]
    private static partial Regex UrlCredentials();
}
