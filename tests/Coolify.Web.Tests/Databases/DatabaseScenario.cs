using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Databases;

/// <summary>What the database tests do through the API: create, start, wait for a status, read one.</summary>
internal static class DatabaseScenario
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <returns>The new database's uuid.</returns>
    public static async Task<string> CreateAsync(TestPlace place, string engine, object fields)
    {
        var body = JsonSerializer.SerializeToNode(fields)!.AsObject();
        body["project_uuid"] = place.ProjectUuid;
        body["server_uuid"] = place.ServerUuid;
        body["environment_name"] = "production";
        using var created = await place.Api.PostAsJsonAsync($"/api/v1/databases/{engine}", body, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
    }

    public static async Task PostAsync(TestPlace place, string path)
    {
        using var response = await place.Api.PostAsync(path, null, Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
    }

    public static Task<JsonElement> GetAsync(TestPlace place, string uuid) => place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{uuid}", Token);

    /// <summary>Polls until the server checks report <paramref name="status"/> (they run every second in these tests).</summary>
    public static async Task WaitForStatusAsync(TestPlace place, string uuid, string status)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var last = string.Empty;
        try
        {
            while ((last = (await GetAsync(place, uuid)).GetProperty("status").GetString()!) != status)
            {
                await Task.Delay(500, deadline.Token); // polling a condition: the next server check
            }
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
            var logs = await place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{uuid}/logs?lines=30", Token);
            Assert.Fail($"Database status stayed '{last}', not '{status}'. Logs:\n{logs.GetProperty("logs").GetString()}");
        }
    }

    /// <summary>
    /// Newest first, once <paramref name="count"/> executions of the schedule succeeded (polling a condition: the
    /// backup worker's runs); a failed one ends the wait with its message.
    /// </summary>
    public static async Task<List<JsonElement>> WaitForBackupsAsync(TestPlace place, string uuid, string schedule, int count, TimeSpan? within = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var list = (await place.Api.GetFromJsonAsync<JsonElement>($"/api/v1/databases/{uuid}/backups/{schedule}/executions", deadline.Token))
                .GetProperty("executions").EnumerateArray().ToList();
            var failed = list.FirstOrDefault(e => e.GetProperty("status").GetString() == "failed");
            Assert.True(failed.ValueKind == JsonValueKind.Undefined, failed.ValueKind == JsonValueKind.Undefined ? null : failed.GetProperty("message").GetString());
            if (list.Count(e => e.GetProperty("status").GetString() == "success") >= count)
            {
                return list;
            }

            await Task.Delay(500, deadline.Token);
        }
    }
}
