namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>How to reach one server over SSH.</summary>
/// <param name="ServerId">The pool key and the host-key pin's key (the server's uuid).</param>
/// <param name="PrivateKey">OpenSSH or PEM text.</param>
public sealed record SshServerTarget(
    string ServerId, string Host, int Port, string User, string PrivateKey, string? Passphrase = null)
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Long-lived shells per server, each running one command at a time; more commands queue.</summary>
    public int MaxShells { get; init; } = 6;

    public override string ToString() => $"{User}@{Host}:{Port}";
}
