using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

/// <summary>
/// Strings that break naive command building, as every server-related name: each is either refused with 422 on
/// that field, or stored exactly (names are trimmed) — never a 500, never half a change.
/// </summary>
public sealed class HostileServerInputTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static readonly string[] Hostile =
    [
        "it's", "\"double\"", "$(id)", "${HOME}", "`id`", "a;b", "a|b", "a&b", "a\nb", "\\", "-n", "--help", "-oProxyCommand=id",
        "*", "~", "#x", "!", "a>b", "2>&1", "\t", " ", "ünïcödé", "日本語", "🚀", "\u200b", "%s", "../../etc/passwd", "x=y", "\x01", "a\0b",
        new string('a', 300), "<script>alert(1)</script>", "coolify", "web-1.example.com", "10.0.0.1",
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Fields => new("key name", "server name", "server user", "server ip", "network");

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task EveryHostileString_IsRefusedOrStoredExactly(string field)
    {
        var owner = await factory.RegisterAsync("Hostile", $"hostile-{Guid.NewGuid():N}@example.com");
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(owner, await factory.TeamIdOfAsync(owner), Abilities.Root));
        var keyUuid = await CreatedUuidAsync(await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "base" }, Token));
        var serverUuid = await CreatedUuidAsync(await api.PostAsJsonAsync("/api/v1/servers", new { name = "base", ip = "10.0.0.9", private_key_uuid = keyUuid, connection_timeout = 2 }, Token));

        var listing = field switch
        {
            "key name" => "/api/v1/security/keys",
            "network" => $"/api/v1/servers/{serverUuid}/destinations",
            _ => "/api/v1/servers",
        };
        async Task<int> CountAsync() => (await api.GetFromJsonAsync<JsonElement>(listing, Token)).GetArrayLength();

        foreach (var value in Hostile)
        {
            var before = await CountAsync();
            var (response, readBack) = field switch
            {
                "key name" => (await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = value }, Token), "name"),
                "server name" => (await api.PostAsJsonAsync("/api/v1/servers", new { name = value, ip = "10.0.0.9", private_key_uuid = keyUuid }, Token), "name"),
                "server user" => (await api.PostAsJsonAsync("/api/v1/servers", new { name = "u", ip = "10.0.0.9", user = value, private_key_uuid = keyUuid }, Token), "user"),
                "server ip" => (await api.PostAsJsonAsync("/api/v1/servers", new { name = "i", ip = value, private_key_uuid = keyUuid }, Token), "ip"),
                // The server is unreachable: a network name that passes validation fails at the server (422), never before.
                _ => (await api.PostAsJsonAsync($"/api/v1/servers/{serverUuid}/destinations", new { network = value }, Token), "network"),
            };

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(Token);
                // 409: a valid name that clashes with what exists (the server's default "coolify" network).
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict,
                    $"{field} {JsonSerializer.Serialize(value)} answered {(int)response.StatusCode}: {body}");
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var uuid = JsonDocument.Parse(body).RootElement.GetProperty("uuid").GetString();
                    var path = field switch
                    {
                        "key name" => $"/api/v1/security/keys/{uuid}",
                        "network" => $"/api/v1/destinations/{uuid}",
                        _ => $"/api/v1/servers/{uuid}",
                    };
                    var stored = (await api.GetFromJsonAsync<JsonElement>(path, Token)).GetProperty(readBack).GetString();
                    Assert.Equal(value.Trim(), stored);
                }
                else
                {
                    Assert.Equal(before, await CountAsync()); // refused: nothing stored, not even half
                }
            }
        }
    }

    private static async Task<string> CreatedUuidAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        }
    }
}
