namespace Coolify.Core.Settings;

/// <summary>The instance settings an administrator edits together.</summary>
public sealed record InstanceSettingsChange(
    string? InstanceName,
    string? Fqdn,
    bool IsRegistrationEnabled,
    bool IsApiEnabled,
    string? AllowedIps,
    bool DisableTwoStepConfirmation);
