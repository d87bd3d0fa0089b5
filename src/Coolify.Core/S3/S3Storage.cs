using Coolify.Core.Common;
using Coolify.Core.Teams;

namespace Coolify.Core.S3;

/// <summary>An S3-compatible bucket a team sends backups to (Coolify's <c>s3_storages</c>).</summary>
public class S3Storage : Entity
{
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The service's URL, <c>https://s3.us-east-1.amazonaws.com</c> or a MinIO, Garage, R2, ... address.</summary>
    public required string Endpoint { get; set; }

    public required string Bucket { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>The access key; encrypted at rest.</summary>
    [Encrypted]
    public required string Key { get; set; }

    /// <summary>The secret key; encrypted at rest.</summary>
    [Encrypted]
    public required string Secret { get; set; }

    /// <summary>Buckets addressed as <c>endpoint/bucket</c> rather than <c>bucket.endpoint</c> (what most S3-compatible servers need; Coolify always does).</summary>
    public bool UsePathStyleEndpoint { get; set; } = true;

    /// <summary>The last validation's verdict: backups go only to usable storages.</summary>
    public bool IsUsable { get; set; }
}
