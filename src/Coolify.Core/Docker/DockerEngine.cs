using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Coolify.Core.Commands;

namespace Coolify.Core.Docker;

/// <summary>
/// Read-only questions to a server's Docker Engine API, over <see cref="IServerShell.OpenDockerAsync"/>: what the
/// rollout and the status checks ask many times (is it healthy yet, which containers are there). A docker CLI call
/// starts a process and costs 0.1–0.2 s; a request on a kept connection about a millisecond. Changes stay
/// commands (the CLI, through the one command model), so the deployment log and the masks see them.
/// </summary>
internal sealed class DockerEngine(IServerShell shell)
{
    // One client per shell, so its connections (an SSH channel each, for remote servers) are kept between calls.
    private static readonly ConditionalWeakTable<IServerShell, HttpClient> Clients = [];

    private HttpClient Client => Clients.GetValue(shell, static s => new HttpClient(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) => await s.OpenDockerAsync(cancellationToken),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = 2,
    })
    {
        // The host name is never resolved: every connection comes from the callback.
        BaseAddress = new Uri("http://docker/"),
        Timeout = TimeSpan.FromSeconds(60),
    });

    /// <summary>GET <paramref name="path"/> (unversioned: the daemon's own API version); null on 404.</summary>
    /// <exception cref="ServerConnectionException">The server or its Docker cannot be reached.</exception>
    /// <exception cref="DockerRequestException">Docker answered with an error.</exception>
    public async Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await Client.GetAsync(path, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw ex.InnerException as ServerConnectionException ?? new ServerConnectionException($"Docker does not answer: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerConnectionException("Docker did not answer within 60 s.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DockerRequestException((int)response.StatusCode, body);
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
    }

    /// <summary>A path segment for a name or image reference ('/' and ':' kept, as the docker CLI sends them).</summary>
    public static string Segment(string name) =>
        Uri.EscapeDataString(name).Replace("%2F", "/", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal);

    /// <summary>The <c>filters</c> query parameter for one label filter (<c>key=value</c> or <c>key</c>).</summary>
    public static string LabelFilter(string label) =>
        "filters=" + Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));
}

/// <summary>Docker's Engine API answered a question with an error status.</summary>
public sealed class DockerRequestException(int status, string body)
    : Exception($"Docker answered {status}: {Explain(body)}")
{
    private static string Explain(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
