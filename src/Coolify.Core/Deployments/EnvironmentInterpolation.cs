using System.Text.RegularExpressions;

namespace Coolify.Core.Deployments;

/// <summary><c>${NAME}</c> in a value becomes that variable's value; unknown names stay as written (Coolify's behaviour).</summary>
public static partial class EnvironmentInterpolation
{
    public static string Apply(string value, IReadOnlyDictionary<string, string> variables) =>
        Reference().Replace(value, match => variables.TryGetValue(match.Groups[1].Value, out var replacement) ? replacement : match.Value);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
