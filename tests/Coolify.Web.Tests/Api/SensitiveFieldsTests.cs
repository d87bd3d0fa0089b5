using System.Security.Claims;
using System.Text.Json;
using Coolify.Core.Teams;
using Coolify.Web.Api;
using Coolify.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coolify.Web.Tests.Api;

/// <summary>Secret fields leave API responses only for tokens with read:sensitive (or root).</summary>
public sealed class SensitiveFieldsTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    [Theory]
    [InlineData("read", false)]
    [InlineData("read write deploy", false)]
    [InlineData("read:sensitive", true)]
    [InlineData("write:sensitive", true)]
    [InlineData("root", true)]
    public void TheHostsSerializer_ShowsSecrets_OnlyToTokensThatMayReadThem(string abilities, bool shown)
    {
        var accessor = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CoolifyClaims.Abilities, abilities)], "test")),
        };

        try
        {
            var json = JsonSerializer.Serialize(new DatabaseLike("main", "s3cret"), options);

            Assert.Contains("\"name\":\"main\"", json, StringComparison.Ordinal);
            Assert.Equal(shown, json.Contains("s3cret", StringComparison.Ordinal));
            Assert.Equal(shown, json.Contains("postgres_password", StringComparison.Ordinal));
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [Fact]
    public void WithoutACaller_SecretsAreLeftOut()
    {
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        var json = JsonSerializer.Serialize(new DatabaseLike("main", "s3cret"), options);

        Assert.DoesNotContain("s3cret", json, StringComparison.Ordinal);
    }

    /// <summary>The shape later responses take (a database with its password).</summary>
    private sealed record DatabaseLike(string Name, [property: Sensitive] string PostgresPassword);
}
