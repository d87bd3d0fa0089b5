using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Coolify.Core.Commands;
using Coolify.Core.S3;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Tests.Databases;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Backups;

/// <summary>
/// Retention on the real dockerd and a real S3-compatible server (s3rver), with a Redis database (the quickest to
/// dump): after each "backup now", exactly the newest backups the policy keeps are left on the server and in the
/// bucket, the executions say which copies are gone, and a row whose every copy is gone is gone too. The bucket is
/// shared with other tests, so only this database's keys (its uuid is in them) are looked at.
/// </summary>
public sealed class BackupRetentionTests : IAsyncLifetime
{
    private static readonly string? Image = TestPlace.Image("COOLIFY_TEST_REDIS_IMAGE");
    private static readonly string? Endpoint = TestPlace.Image("COOLIFY_TEST_S3_ENDPOINT");
    private static readonly string? Bucket = Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_BUCKET");

    private readonly CoolifyWebFactory _factory = CoolifyWebFactory.With(("COOLIFY_SERVER_CHECK_INTERVAL", "1"));
    private TestPlace _place = null!;
    private string? _uuid;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _place = await TestPlace.CreateAsync(_factory, "retention");

    [Fact]
    public async Task Retention_KeepsExactlyTheNewest_OnTheServerAndInS3_AndDropsRowsWithNoCopyLeft()
    {
        Assert.SkipWhen(Image is null || Endpoint is null, "no test image or S3 server (run scripts/test.sh)");
        _uuid = await DatabaseScenario.CreateAsync(_place, "redis", new { image = Image, health_check_interval = 1 });
        await DatabaseScenario.PostAsync(_place, $"/api/v1/databases/{_uuid}/start");
        await DatabaseScenario.WaitForStatusAsync(_place, _uuid, "running:healthy");
        // Random data, so each compressed snapshot is a few KB (the size rule below needs sizes above its limit).
        var blob = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3000));
        var set = await new LocalServerShell().RunAsync(ShellCommand.Of("docker", "exec", _uuid, "redis-cli", "SET", "blob", blob), cancellationToken: Token);
        Assert.True(set.Succeeded && set.Output.Trim() == "OK", set.Output + set.Error);

        // A schedule that never comes due in the test (1 January): only "backup now" runs it.
        string schedule;
        using (var created = await _place.Api.PostAsJsonAsync($"/api/v1/databases/{_uuid}/backups", new
        {
            frequency = "0 0 1 1 *", save_s3 = true, s3_storage_uuid = await TestBucket.CreateStorageAsync(_place, "retention"), backup_now = true,
            database_backup_retention_amount_locally = 1, database_backup_retention_amount_s3 = 2,
        }, Token))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
            schedule = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        }

        // Runs 1 to 4, newest first in `runs`: the server keeps 1, the bucket 2, a row lives while a copy does.
        var runs = new List<Run>();
        for (var run = 1; run <= 4; run++)
        {
            if (run > 1)
            {
                await BackupNowAsync(schedule);
            }

            runs.Insert(0, await NextRunAsync(schedule, runs, expectedRows: Math.Min(run, 2)));
            await AssertCopiesAsync(schedule, runs, onServer: 1, inS3: 2);
        }

        // The size rule alone on S3 (count off, a limit of about 107 bytes): the newest and the one that crossed the
        // limit stay, the older one goes, and with its server copy gone already its row goes too.
        using (var changed = await _place.Api.PatchAsJsonAsync($"/api/v1/databases/{_uuid}/backups/{schedule}", new
        {
            database_backup_retention_amount_s3 = 0, database_backup_retention_max_storage_s3 = 0.0000001m, backup_now = true,
        }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        runs.Insert(0, await NextRunAsync(schedule, runs, expectedRows: 2));
        await AssertCopiesAsync(schedule, runs, onServer: 1, inS3: 2);
    }

    private sealed record Run(string Uuid, string Filename);

    private async Task BackupNowAsync(string schedule)
    {
        using var now = await _place.Api.PatchAsJsonAsync($"/api/v1/databases/{_uuid}/backups/{schedule}", new { backup_now = true }, Token);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
    }

    // Polls (the worker's run is the condition) until a new successful execution is there and retention has left
    // `expectedRows` rows, each saying which of its copies are gone.
    private async Task<Run> NextRunAsync(string schedule, List<Run> earlier, int expectedRows)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var list = new List<JsonElement>();
        try
        {
            while (true)
            {
                list = await ExecutionsAsync(schedule, deadline.Token);
                var failed = list.FirstOrDefault(e => e.GetProperty("status").GetString() == "failed");
                Assert.True(failed.ValueKind == JsonValueKind.Undefined, failed.ValueKind == JsonValueKind.Undefined ? null : failed.GetProperty("message").GetString());
                var newest = list.FirstOrDefault();
                if (newest.ValueKind != JsonValueKind.Undefined && newest.GetProperty("status").GetString() == "success"
                    && earlier.All(r => r.Uuid != newest.GetProperty("uuid").GetString()) && Settled(list, expectedRows))
                {
                    return new Run(newest.GetProperty("uuid").GetString()!, newest.GetProperty("filename").GetString()!);
                }

                await Task.Delay(300, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
            Assert.Fail($"Retention did not settle on {expectedRows} rows: {string.Join("\n", list)}");
            throw;
        }
    }

    // The newest row keeps both copies; the one before it only its S3 copy (local count 1).
    private static bool Settled(List<JsonElement> list, int expectedRows) =>
        list.Count == expectedRows
        && list.Select((e, i) => (Local: !e.GetProperty("local_storage_deleted").GetBoolean(), S3: !e.GetProperty("s3_storage_deleted").GetBoolean(), i))
            .All(e => e.Local == (e.i == 0) && e.S3);

    private async Task AssertCopiesAsync(string schedule, List<Run> runs, int onServer, int inS3)
    {
        var folder = Path.GetDirectoryName(runs[0].Filename)!;
        Assert.EndsWith($"/{_uuid}", folder, StringComparison.Ordinal);
        Assert.Equal(runs.Take(onServer).Select(r => Path.GetFileName(r.Filename)).Order(), Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order());
        Assert.Equal(runs.Take(inS3).Select(r => r.Filename.TrimStart('/')).Order(), (await TestBucket.KeysAsync(folder.TrimStart('/') + "/")).Order());

        // Rows of backups with no copy left are gone; the others are exactly the newest ones.
        var rows = (await ExecutionsAsync(schedule, Token)).Select(e => e.GetProperty("uuid").GetString()).ToList();
        Assert.Equal(runs.Take(Math.Max(onServer, inS3)).Select(r => r.Uuid), rows);
        Assert.Equal(runs.Count, runs.Select(r => r.Filename).Distinct().Count());
    }

    private async Task<List<JsonElement>> ExecutionsAsync(string schedule, CancellationToken cancellationToken) =>
        [.. (await _place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{_uuid}/backups/{schedule}/executions", cancellationToken))
            .GetProperty("executions").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        if (_uuid is not null)
        {
            (await _place.Api.DeleteAsync($"/api/v1/databases/{_uuid}", CancellationToken.None)).Dispose();
        }

        await _factory.DisposeAsync();
    }
}
