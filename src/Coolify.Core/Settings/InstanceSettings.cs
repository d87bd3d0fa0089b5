using Coolify.Core.Common;

namespace Coolify.Core.Settings;

/// <summary>The instance-wide settings: exactly one row, with id <see cref="SingletonId"/>.</summary>
public class InstanceSettings : ITimestamped
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string? InstanceName { get; set; }

    /// <summary>The control plane's own URL, routed by the proxy when set.</summary>
    public string? Fqdn { get; set; }

    public string? PublicIpv4 { get; set; }

    public string? PublicIpv6 { get; set; }

    public string InstanceTimezone { get; set; } = "UTC";

    public bool IsRegistrationEnabled { get; set; } = true;

    public bool IsApiEnabled { get; set; } = true;

    /// <summary>Comma-separated addresses/CIDRs allowed to call the API; empty allows all.</summary>
    public string? AllowedIps { get; set; }

    public bool IsDnsValidationEnabled { get; set; } = true;

    public string? CustomDnsServers { get; set; } = "1.1.1.1";

    /// <summary>Skip password re-confirmation before destructive actions.</summary>
    public bool DisableTwoStepConfirmation { get; set; }

    public bool IsAutoUpdateEnabled { get; set; }

    public string UpdateCheckFrequency { get; set; } = "0 * * * *";

    public string? AcmeDirectoryUrl { get; set; }

    public string? AcmeEmail { get; set; }

    /// <summary>A CA certificate (PEM) the proxies trust for the ACME server: for a private ACME server such as Pebble.</summary>
    public string? AcmeCaRoot { get; set; }

    public string? SmtpHost { get; set; }

    public int? SmtpPort { get; set; }

    public string? SmtpUsername { get; set; }

    [Encrypted]
    public string? SmtpPassword { get; set; }

    public string? SmtpFromAddress { get; set; }

    public string? SmtpFromName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
