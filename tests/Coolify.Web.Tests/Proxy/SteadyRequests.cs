using System.Net;

namespace Coolify.Web.Tests.Proxy;

/// <summary>
/// One client asking the proxy for a host every 25 ms, or as fast as answers come (about 40 a second), until stopped:
/// a failure is an exception (refused, reset, timed out) or any answer but 200 with <c>expected</c> in its body.
/// </summary>
internal static class SteadyRequests
{
    public static async Task<(int Sent, List<string> Failures)> RunAsync(string host, string expected, CancellationToken stop)
    {
        using var http = ProxyClient.Create();
        var failures = new List<string>();
        var sent = 0;
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        try
        {
            while (await pace.WaitForNextTickAsync(stop))
            {
                sent++;
                try
                {
                    var (status, body, response) = await ProxyClient.GetAsync(http, host);
                    response.Dispose();
                    if (status != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
                    {
                        failures.Add($"{(int)status} {body.Trim()}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
                {
                    failures.Add(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The rollouts are over.
        }

        return (sent, failures);
    }
}
