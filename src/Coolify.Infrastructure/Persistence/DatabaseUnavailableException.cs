namespace Coolify.Infrastructure.Persistence;

/// <summary>The database could not be opened or migrated at start-up; the message names it without secrets.</summary>
public sealed class DatabaseUnavailableException(string message, Exception innerException) : Exception(message, innerException);
