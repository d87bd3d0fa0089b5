namespace Coolify.Core.Common;

/// <summary>
/// Nothing with that identifier is visible to the caller — whether it does not exist or belongs to another team
/// is deliberately not told apart (API: 404 <c>Resource not found.</c>).
/// </summary>
public sealed class NotFoundException(string message = "Resource not found.") : Exception(message);
