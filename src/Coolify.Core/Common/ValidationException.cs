namespace Coolify.Core.Common;

/// <summary>
/// Input that cannot be accepted, per field — the API answers 422 with Coolify's body
/// (<c>{"message": ..., "errors": {field: [...]}}</c>), the dashboard shows the messages beside the fields.
/// </summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(errors.Values.SelectMany(e => e).FirstOrDefault() ?? "Validation error.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
