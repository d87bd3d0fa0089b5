namespace Coolify.Core.Common;

/// <summary>The caller is known but not allowed to do this (API: 403; dashboard: a message).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
