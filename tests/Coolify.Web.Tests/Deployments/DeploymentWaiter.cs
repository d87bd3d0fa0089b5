using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;

namespace Coolify.Web.Tests.Deployments;

/// <summary>What deployment tests do through the API and on the host's Docker: start, wait for a state, look at containers.</summary>
internal static class DeploymentWaiter
{
    private static readonly LocalServerShell Host = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<string> StartAsync(HttpClient api, string app)
    {
        using var started = await api.PostAsync($"/api/v1/applications/{app}/start", null, Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("deployment_uuid").GetString()!;
    }

    public static Task<(string Status, string Log)> WaitForEndAsync(HttpClient api, string deployment) =>
        WaitForAsync(api, deployment, d => d.Status is "finished" or "failed" or "cancelled-by-user");

    public static async Task<(string Status, string Log)> WaitForAsync(HttpClient api, string deployment, Func<(string Status, string Log), bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(120));
        while (true)
        {
            var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/deployments/{deployment}", deadline.Token);
            var state = (json.GetProperty("status").GetString()!, string.Join('\n', json.GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("output").GetString())));
            if (condition(state))
            {
                return state;
            }

            await Task.Delay(400, deadline.Token); // polling a condition: the deployment's state (within the API rate limit)
        }
    }

    public static async Task<List<string>> ContainersAsync(string app)
    {
        var ps = ShellCommand.Of("docker", "ps", "-a", "--filter", $"label=coolify.resource={app}", "--format", "{{.Names}}");
        return (await Host.RunAsync(ps, cancellationToken: Token)).EnsureSuccess(ps).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>
    /// The application's one container once the previous ones are gone: they get a grace period to stop after the
    /// deployment finished (the test image stops on SIGTERM at once; a process that ignores it would take 30 s).
    /// </summary>
    public static async Task<string> SoleContainerAsync(string app)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(45));
        while (true)
        {
            var containers = await ContainersAsync(app);
            if (containers.Count == 1)
            {
                return containers[0];
            }

            await Task.Delay(250, deadline.Token); // polling a condition: the old container removed
        }
    }

    // The container answers on its address in the destination network (the host reaches bridge networks directly).
    public static async Task<string> HttpGetAsync(string container, int port = 80, string path = "/")
    {
        var (status, body) = await HttpAsync(container, port, path);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        return body;
    }

    /// <summary>A GET to the container's address on its network, as a neighbour (or the proxy) would send it.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> HttpAsync(string container, int port, string path)
    {
        var inspect = ShellCommand.Of("docker", "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", "--", container);
        var address = (await Host.RunAsync(inspect, cancellationToken: Token)).EnsureSuccess(inspect).Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri($"http://{address}:{port}{path}"), Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }
}
