namespace Coolify.Core.Common;

/// <summary>
/// A setting the operator gave is wrong. The host prints <see cref="Exception.Message"/> as one line and exits;
/// the message must say what is wrong and how to fix it.
/// </summary>
public sealed class ConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
