namespace Coolify.Core.Services.Compose;

/// <summary>A compose file's variables cannot be filled in: a required one is missing or the syntax is broken.</summary>
public sealed class ComposeInterpolationException(string message, string? variable = null) : Exception(message)
{
    /// <summary>The required variable that is missing, when that is the reason.</summary>
    public string? Variable { get; } = variable;
}
