namespace Coolify.Core.Common;

/// <summary>The change clashes with what exists (a duplicate network, a destination still in use): API 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
