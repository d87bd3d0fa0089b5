using Coolify.Core.Common;
using Coolify.Core.Teams;

namespace Coolify.Core.Security;

/// <summary>An SSH private key used to reach servers or git repositories.</summary>
public class PrivateKey : Entity
{
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The OpenSSH/PEM private key; encrypted at rest.</summary>
    [Encrypted]
    public required string PrivateKeyValue { get; set; }

    public string? PublicKey { get; set; }

    public string? Fingerprint { get; set; }

    public bool IsGitRelated { get; set; }
}
