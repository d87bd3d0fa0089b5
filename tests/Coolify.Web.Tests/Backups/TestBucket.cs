using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Coolify.Core.S3;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Backups;

/// <summary>The S3-compatible server scripts/test.sh starts (s3rver): a validated storage for a test's backups, and the bucket read directly.</summary>
internal static class TestBucket
{
    public static string? Endpoint => Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_ENDPOINT");

    public static string? Bucket => Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_BUCKET");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>An S3 storage on the test server, validated (backups go only to storages that passed).</summary>
    public static async Task<string> CreateStorageAsync(TestPlace place, string name)
    {
        using var created = await place.Api.PostAsJsonAsync("/api/v1/s3-storages", new
        {
            name, endpoint = Endpoint, bucket = Bucket, region = "us-east-1",
            key = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_KEY"), secret = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_SECRET"),
        }, Token);
        var uuid = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        using var validated = await place.Api.PostAsync($"/api/v1/s3-storages/{uuid}/validate", null, Token);
        Assert.True((await validated.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("valid").GetBoolean());
        return uuid;
    }

    public static async Task<byte[]> ObjectAsync(string key)
    {
        using var client = Client(out var bucket);
        using var response = await client.GetObjectAsync(bucket, key, Token);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, Token);
        return copy.ToArray();
    }

    public static async Task<List<string>> KeysAsync(string prefix)
    {
        using var client = Client(out var bucket);
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }, Token);
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }

    private static Amazon.S3.IAmazonS3 Client(out string bucket)
    {
        var storage = new S3Storage
        {
            Name = "read", Endpoint = Endpoint!, Bucket = Bucket!,
            Key = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_KEY")!, Secret = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_SECRET")!,
        };
        bucket = storage.Bucket;
        return S3Clients.Create(storage);
    }
}
