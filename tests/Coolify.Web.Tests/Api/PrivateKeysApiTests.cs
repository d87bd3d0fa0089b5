using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Web.Tests.Api;

/// <summary>Coolify's /security/keys routes as a script would use them.</summary>
public sealed class PrivateKeysApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GeneratedKey_ShowsItsPrivatePart_OnlyToReadSensitiveTokens()
    {
        var (owner, team) = await OwnerAsync();
        using var writer = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Write));
        using var reader = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Read));
        using var sensitive = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.ReadSensitive));

        using var created = await writer.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "deploy", algorithm = "ed25519" }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        var uuid = body.GetProperty("uuid").GetString()!;
        Assert.StartsWith("ssh-ed25519 ", body.GetProperty("public_key").GetString(), StringComparison.Ordinal);

        var plain = await reader.GetStringAsync($"/api/v1/security/keys/{uuid}", Token);
        var full = await sensitive.GetStringAsync($"/api/v1/security/keys/{uuid}", Token);
        Assert.DoesNotContain("private_key", plain, StringComparison.Ordinal);
        Assert.Contains("\"private_key\":\"-----BEGIN OPENSSH PRIVATE KEY-----", full, StringComparison.Ordinal);
        Assert.Contains("\"fingerprint\":\"SHA256:", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", await reader.GetStringAsync("/api/v1/security/keys", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedKey_RoundTrips_AndNonsenseIs422()
    {
        var (owner, team) = await OwnerAsync();
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Root));
        using var generated = await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "source", algorithm = "rsa" }, Token);
        var source = (await generated.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        var privateKey = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/security/keys/{source}", Token)).GetProperty("private_key").GetString();

        using var imported = await api.PostAsJsonAsync("/api/v1/security/keys", new { name = "copy", private_key = privateKey!.Replace("\n", "\r\n", StringComparison.Ordinal) }, Token);
        using var nonsense = await api.PostAsJsonAsync("/api/v1/security/keys", new { name = "bad", private_key = "-----BEGIN RSA PRIVATE KEY-----\nnope\n-----END RSA PRIVATE KEY-----" }, Token);
        using var hostile = await api.PostAsJsonAsync("/api/v1/security/keys", new { name = "<script>alert(1)</script>", private_key = privateKey }, Token);

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        Assert.Contains("\"private_key\"", await nonsense.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);
        Assert.Contains("\"name\"", await hostile.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyInUse_CannotBeDeleted_AndAnUnusedOneCan()
    {
        var (owner, team) = await OwnerAsync();
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Write));
        using var created = await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "in use" }, Token);
        var uuid = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString()!;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoolifyDbContext>();
            var key = await db.PrivateKeys.SingleAsync(k => k.Uuid == uuid, Token);
            db.Servers.Add(new Server { TeamId = team, Name = "web-1", Ip = "10.0.0.1", PrivateKeyId = key.Id });
            await db.SaveChangesAsync(Token);
        }

        using var refused = await api.DeleteAsync($"/api/v1/security/keys/{uuid}", Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Private Key is in use and cannot be deleted.", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        // Once the server is deleted (its row stays, marked deleted), the key can go.
        var serverUuid = (await api.GetFromJsonAsync<JsonElement>("/api/v1/servers", Token)).EnumerateArray().Single(s => s.GetProperty("name").GetString() == "web-1").GetProperty("uuid").GetString();
        using var serverDeleted = await api.DeleteAsync($"/api/v1/servers/{serverUuid}", Token);
        Assert.Equal(HttpStatusCode.OK, serverDeleted.StatusCode);
        using var nowDeleted = await api.DeleteAsync($"/api/v1/security/keys/{uuid}", Token);
        Assert.Equal(HttpStatusCode.OK, nowDeleted.StatusCode);

        using var other = await api.PostAsJsonAsync("/api/v1/security/keys/generate", new { name = "unused" }, Token);
        var unused = (await other.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        using var deleted = await api.DeleteAsync($"/api/v1/security/keys/{unused}", Token);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var gone = await api.GetAsync($"/api/v1/security/keys/{unused}", Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task KeyWithAPassphrase_IsImportedWithIt_AndRefusedWithoutIt()
    {
        var (owner, team) = await OwnerAsync();
        using var api = factory.CreateApiClient(await factory.CreateTokenAsync(owner, team, Abilities.Root));
        var shell = new Coolify.Infrastructure.Servers.LocalServerShell();
        var file = $"/tmp/coolify-key-api-{Guid.NewGuid():N}";
        var keygen = Core.Commands.ShellCommand.Of("ssh-keygen", "-q", "-t", "ed25519", "-N", "s3cret phrase", "-f", file);
        (await shell.RunAsync(keygen, cancellationToken: Token)).EnsureSuccess(keygen);
        var fingerprint = Core.Commands.ShellCommand.Of("ssh-keygen", "-l", "-E", "sha256", "-f", file + ".pub");
        var expected = (await shell.RunAsync(fingerprint, cancellationToken: Token)).EnsureSuccess(fingerprint).Output.Split(' ')[1];
        var encrypted = await File.ReadAllTextAsync(file, Token);
        File.Delete(file);
        File.Delete(file + ".pub");

        using var without = await api.PostAsJsonAsync("/api/v1/security/keys", new { name = "locked", private_key = encrypted }, Token);
        using var wrong = await api.PostAsJsonAsync("/api/v1/security/keys", new { name = "locked", private_key = encrypted, passphrase = "guess" }, Token);
        using var right = await api.PostAsJsonAsync("/api/v1/security/keys", new { name = "locked", private_key = encrypted, passphrase = "s3cret phrase" }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, without.StatusCode);
        Assert.Contains("protected by a passphrase", await without.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("\"passphrase\"", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        var uuid = (await right.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("uuid").GetString();
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/v1/security/keys/{uuid}", Token);
        Assert.Equal(expected, stored.GetProperty("fingerprint").GetString());
        Assert.NotEqual(encrypted, stored.GetProperty("private_key").GetString());
    }

    private async Task<(User Owner, int Team)> OwnerAsync()
    {
        var owner = await factory.RegisterAsync("Key Owner", $"keys-{Guid.NewGuid():N}@example.com");
        return (owner, await factory.TeamIdOfAsync(owner));
    }
}
