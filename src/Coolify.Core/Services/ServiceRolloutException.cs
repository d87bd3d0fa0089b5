namespace Coolify.Core.Services;

/// <summary>The server refused to run a service or a new container never became healthy (the message says why); what served before still serves.</summary>
public sealed class ServiceRolloutException(string message) : Exception(message);
