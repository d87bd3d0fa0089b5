using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.S3;

/// <summary>
/// A team's S3 storages. Validation is a real round trip — put a probe object, read it back and compare the bytes,
/// list it, delete it — because a server can accept an upload and still store something else.
/// </summary>
public sealed partial class S3StorageService(CoolifyDbContext db, Audit.AuditLog audit)
{
    public Task<List<S3Storage>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.S3Storages.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such storage in the team.</exception>
    public async Task<S3Storage> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.S3Storages.AsNoTracking().SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <exception cref="ValidationException">A field is missing or malformed; nothing is stored.</exception>
    public async Task<S3Storage> CreateAsync(TeamScope scope, S3StorageChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        foreach (var (field, value) in new[] { ("name", change.Name), ("endpoint", change.Endpoint), ("bucket", change.Bucket) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                rules.Add(field, $"The {field} field is required.");
            }
        }

        var storage = new S3Storage { Name = string.Empty, Endpoint = string.Empty, Bucket = string.Empty, Key = string.Empty, Secret = string.Empty, TeamId = scope.Access.TeamId };
        Apply(storage, change with { Key = change.Key ?? string.Empty, Secret = change.Secret ?? string.Empty }, rules);
        rules.ThrowIfInvalid();
        db.S3Storages.Add(storage);
        audit.Add("s3_storage.created", scope.Access.UserId, scope.Access.TeamId, $"{storage.Name} ({storage.Endpoint}/{storage.Bucket})");
        await db.SaveChangesAsync(cancellationToken);
        return storage;
    }

    /// <exception cref="ValidationException">A field is malformed; nothing changes.</exception>
    public async Task<S3Storage> UpdateAsync(TeamScope scope, string? uuid, S3StorageChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var storage = await scope.S3Storages.SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var before = (storage.Endpoint, storage.Bucket, storage.Region, storage.Key, storage.Secret, storage.UsePathStyleEndpoint);
        Apply(storage, change, rules);
        rules.ThrowIfInvalid();
        if (before != (storage.Endpoint, storage.Bucket, storage.Region, storage.Key, storage.Secret, storage.UsePathStyleEndpoint))
        {
            storage.IsUsable = false; // to be validated again
        }

        audit.Add("s3_storage.updated", scope.Access.UserId, scope.Access.TeamId, storage.Name);
        await db.SaveChangesAsync(cancellationToken);
        return storage;
    }

    public async Task DeleteAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var storage = await scope.S3Storages.SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        // Schedules that sent backups there keep backing up locally (Coolify turns their S3 saving off the same way).
        foreach (var schedule in await db.ScheduledDatabaseBackups.Where(b => b.S3StorageId == storage.Id).ToListAsync(cancellationToken))
        {
            (schedule.SaveS3, schedule.S3StorageId, schedule.DisableLocalBackup) = (false, null, false);
        }

        db.S3Storages.Remove(storage);
        audit.Add("s3_storage.deleted", scope.Access.UserId, scope.Access.TeamId, storage.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The round trip; records the verdict (<see cref="S3Storage.IsUsable"/>) and says what failed.</summary>
    public async Task<S3Validation> ValidateAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var storage = await scope.S3Storages.SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var verdict = await RoundTripAsync(storage, cancellationToken);
        storage.IsUsable = verdict.Valid;
        await db.SaveChangesAsync(CancellationToken.None);
        return verdict;
    }

    internal static async Task<S3Validation> RoundTripAsync(S3Storage storage, CancellationToken cancellationToken)
    {
        using var client = S3Clients.Create(storage);
        var key = $"coolify-validation/{PublicId.New()}.txt";
        var probe = RandomNumberGenerator.GetBytes(64);
        var step = "upload";
        try
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = storage.Bucket, Key = key, InputStream = new MemoryStream(probe), UseChunkEncoding = false }, cancellationToken);
            step = "download";
            using (var read = await client.GetObjectAsync(storage.Bucket, key, cancellationToken))
            using (var copy = new MemoryStream())
            {
                await read.ResponseStream.CopyToAsync(copy, cancellationToken);
                if (!copy.ToArray().AsSpan().SequenceEqual(probe))
                {
                    return new S3Validation(false, $"The storage kept something else than what was uploaded ({copy.Length} bytes back for {probe.Length}): it does not store plain uploads as they are.");
                }
            }

            step = "list";
            var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = storage.Bucket, Prefix = key }, cancellationToken);
            if (listed.S3Objects?.Any(o => o.Key == key) != true)
            {
                return new S3Validation(false, "The uploaded probe does not appear when the bucket is listed.");
            }

            step = "delete";
            await client.DeleteObjectAsync(storage.Bucket, key, cancellationToken);
            return new S3Validation(true, "The storage is usable: a probe object was uploaded, read back identical, listed and deleted.");
        }
        catch (Exception ex) when (ex is AmazonS3Exception or Amazon.Runtime.AmazonServiceException or HttpRequestException or SocketException or TaskCanceledException)
        {
            return new S3Validation(false, $"The {step} failed: {ex.Message}");
        }
    }

    private static void Apply(S3Storage storage, S3StorageChange change, InputRules rules)
    {
        if (change.Name is not null)
        {
            storage.Name = rules.Name("name", change.Name);
        }

        if (change.Description is not null)
        {
            storage.Description = rules.Text("description", change.Description);
        }

        if (change.Endpoint is not null)
        {
            storage.Endpoint = rules.HttpUrl("endpoint", change.Endpoint) ?? string.Empty;
        }

        if (change.Bucket is not null)
        {
            var bucket = change.Bucket.Trim();
            if (!IsBucketName(bucket))
            {
                rules.Add("bucket", "A bucket name is 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.");
            }

            storage.Bucket = bucket;
        }

        if (change.Region is not null)
        {
            var region = change.Region.Trim();
            if (!Region().IsMatch(region))
            {
                rules.Add("region", "A region is letters, digits and hyphens, like us-east-1.");
            }

            storage.Region = region;
        }

        storage.Key = change.Key is null ? storage.Key : rules.Identifier("key", change.Key, 255) ?? Missing(rules, "key");
        storage.Secret = change.Secret is null ? storage.Secret : rules.Identifier("secret", change.Secret, 255) ?? Missing(rules, "secret");
        storage.UsePathStyleEndpoint = change.UsePathStyleEndpoint ?? storage.UsePathStyleEndpoint;
    }

    private static string Missing(InputRules rules, string field)
    {
        rules.Add(field, $"The {field} field is required.");
        return string.Empty;
    }

    /// <summary>AWS's rule, as Coolify checks it: 3–63 of <c>[a-z0-9.-]</c>, letter or digit at both ends, no <c>..</c>, not an IP address.</summary>
    public static bool IsBucketName(string? bucket) =>
        bucket is not null && Bucket().IsMatch(bucket) && !bucket.Contains("..", StringComparison.Ordinal)
        && !bucket.Contains(".-", StringComparison.Ordinal) && !bucket.Contains("-.", StringComparison.Ordinal) && !System.Net.IPAddress.TryParse(bucket, out _);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Bucket();

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex Region();
}

/// <summary>The fields of an S3 storage create or update; null leaves a field as it is.</summary>
public sealed record S3StorageChange(
    string? Name = null, string? Description = null, string? Endpoint = null, string? Bucket = null, string? Region = null,
    string? Key = null, string? Secret = null, bool? UsePathStyleEndpoint = null);

/// <summary>A validation's verdict and what it found (Coolify's <c>{valid, message}</c>).</summary>
public sealed record S3Validation(bool Valid, string Message);
