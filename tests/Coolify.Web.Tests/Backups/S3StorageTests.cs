using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Backups;

/// <summary>
/// S3 storages against a real S3-compatible server on loopback (s3rver, started by scripts/test.sh): validation is a
/// round trip that a wrong access key fails with the server's reason (s3rver knows its keys but does not check
/// SigV4 signatures, so a wrong secret would pass there — not on AWS or MinIO); hostile bucket names are refused; the key and
/// secret leave the API only for tokens that may read secrets.
/// </summary>
public sealed class S3StorageTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static readonly string? Endpoint = TestPlace.Image("COOLIFY_TEST_S3_ENDPOINT");
    private static readonly string? Bucket = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_BUCKET");
    private static readonly string? Key = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_KEY");
    private static readonly string? Secret = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_SECRET");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Storage_ValidatesWithARealRoundTrip_AndAWrongKeyIsReportedNotThrown()
    {
        Assert.SkipWhen(Endpoint is null, "no S3 server (run scripts/test.sh)");
        var admin = await factory.RegisterAsync("S3 Owner", $"s3-{Guid.NewGuid():N}@example.com");
        var team = await factory.TeamIdOfAsync(admin);
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(admin, team, Abilities.Root));
        using var reader = factory.CreateApiClient(await factory.CreateTokenAsync(admin, team, Abilities.Read));

        using (var created = await api.PostAsJsonAsync("/api/v1/s3-storages", new { name = "backups", endpoint = Endpoint, bucket = Bucket, region = "us-east-1", key = Key, secret = Secret }, Token))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        }

        var storage = (await api.GetFromJsonAsync<JsonElement>("/api/v1/s3-storages", Token))[0];
        var uuid = storage.GetProperty("uuid").GetString();
        Assert.False(storage.GetProperty("is_usable").GetBoolean());
        Assert.Equal(Secret, storage.GetProperty("secret").GetString());
        var hidden = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/s3-storages/{uuid}", Token);
        Assert.False(hidden.TryGetProperty("secret", out _) || hidden.TryGetProperty("key", out _), hidden.ToString());

        var valid = await ValidateAsync(api, uuid);
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/v1/s3-storages/{uuid}", Token)).GetProperty("is_usable").GetBoolean());

        // A key the server does not know: it refuses the upload, and the storage is no longer usable.
        using (var changed = await api.PatchAsJsonAsync($"/api/v1/s3-storages/{uuid}", new { key = "NOT-A-KEY" }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var invalid = await ValidateAsync(api, uuid);
        Assert.False(invalid.GetProperty("valid").GetBoolean());
        Assert.Contains("upload failed", invalid.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False((await api.GetFromJsonAsync<JsonElement>($"/api/v1/s3-storages/{uuid}", Token)).GetProperty("is_usable").GetBoolean());
    }

    [Theory]
    [InlineData("bucket", "UPPER")]
    [InlineData("bucket", "a;rm -rf")]
    [InlineData("bucket", "../etc")]
    [InlineData("bucket", "192.168.1.1")]
    [InlineData("bucket", "ab")]
    [InlineData("endpoint", "ftp://files.example.com")]
    [InlineData("endpoint", "http://user:pass@s3.example.com")]
    [InlineData("region", "us east;1")]
    [InlineData("key", "with space")]
    public async Task HostileFields_AreRefusedWith422_AndNothingIsStored(string field, string value)
    {
        var admin = await factory.RegisterAsync("S3 Hostile", $"s3-{Guid.NewGuid():N}@example.com");
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), Abilities.Root));
        var body = new Dictionary<string, string>
        {
            ["name"] = "x", ["endpoint"] = "https://s3.example.com", ["bucket"] = "good-bucket", ["region"] = "us-east-1", ["key"] = "k", ["secret"] = "s", [field] = value,
        };
        using var refused = await api.PostAsJsonAsync("/api/v1/s3-storages", body, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/s3-storages", Token)).GetArrayLength());
    }

    [Fact]
    public async Task DeletedStorage_TurnsItsSchedulesBackToLocalBackups()
    {
        Assert.SkipWhen(Endpoint is null, "no S3 server (run scripts/test.sh)");
        var place = await TestPlace.CreateAsync(factory, "s3-delete");
        var database = await Databases.DatabaseScenario.CreateAsync(place, "postgresql", new { name = "kept" });
        using var created = await place.Api.PostAsJsonAsync("/api/v1/s3-storages", new { name = "gone", endpoint = Endpoint, bucket = Bucket, region = "us-east-1", key = Key, secret = Secret }, Token);
        var storage = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        Assert.True((await ValidateAsync(place.Api, storage)).GetProperty("valid").GetBoolean());
        using (var schedule = await place.Api.PostAsJsonAsync($"/api/v1/databases/{database}/backups", new { frequency = "daily", save_s3 = true, s3_storage_uuid = storage }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, schedule.StatusCode);
        }

        using (var deleted = await place.Api.DeleteAsync($"/api/v1/s3-storages/{storage}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        var backups = await place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{database}/backups", Token);
        Assert.Equal((false, JsonValueKind.Null), (backups[0].GetProperty("save_s3").GetBoolean(), backups[0].GetProperty("s3_storage_uuid").ValueKind));
        (await place.Api.DeleteAsync($"/api/v1/databases/{database}", Token)).Dispose();
    }

    private static async Task<JsonElement> ValidateAsync(HttpClient api, string? uuid)
    {
        using var validated = await api.PostAsync($"/api/v1/s3-storages/{uuid}/validate", null, Token);
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        return await validated.Content.ReadFromJsonAsync<JsonElement>(Token);
    }
}
