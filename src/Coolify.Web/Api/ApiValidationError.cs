namespace Coolify.Web.Api;

/// <summary>Coolify's 422 body: <c>{"message": "...", "errors": {"field": ["..."]}}</c>.</summary>
public sealed record ApiValidationError(string Message, IReadOnlyDictionary<string, string[]> Errors);
