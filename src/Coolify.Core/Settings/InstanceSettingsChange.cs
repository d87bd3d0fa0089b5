namespace Coolify.Core.Settings;

/// <summary>The instance settings an administrator edits together.</summary>
/// <param name="AcmeDirectoryUrl">The proxies' ACME server (Let's Encrypt when empty); null keeps, "" clears (as the two below).</param>
/// <param name="AcmeEmail">The ACME account's e-mail.</param>
/// <param name="AcmeCaRoot">A CA certificate (PEM) the proxies trust for the ACME server (a private one such as Pebble).</param>
public sealed record InstanceSettingsChange(
    string? InstanceName,
    string? Fqdn,
    bool IsRegistrationEnabled,
    bool IsApiEnabled,
    string? AllowedIps,
    bool DisableTwoStepConfirmation,
    string? AcmeDirectoryUrl = null,
    string? AcmeEmail = null,
    string? AcmeCaRoot = null);
