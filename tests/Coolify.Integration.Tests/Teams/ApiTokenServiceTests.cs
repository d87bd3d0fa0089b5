using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Teams;

public class ApiTokenServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Create_StoresOnlyAHash_AndTheClearTokenFindsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var access = await OwnerAccessAsync(scope);
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();

        var created = await tokens.CreateAsync(access, "ci", [Abilities.Read, Abilities.Deploy], null, Token);

        var secret = created.PlainText.Split('|')[1];
        Assert.Equal(40, secret.Length);
        await using var db = database.CreateContext();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT token AS \"Value\" FROM personal_access_tokens").SingleAsync(Token);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.Equal(ApiTokenService.Hash(secret), stored);

        var found = await tokens.FindAsync(created.PlainText, Token);
        Assert.Equal("deploy read", found!.Abilities);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Find_ExpiredToken_IsNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var access = await OwnerAccessAsync(scope);
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var created = await tokens.CreateAsync(access, "short-lived", [Abilities.Read], TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1), Token);

        await using (var db = database.CreateContext())
        {
            await db.PersonalAccessTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1)), Token);
        }

        // A later request: its own scope, so nothing is served from the creating context's cache.
        await using var later = database.CreateScope();
        Assert.Null(await later.ServiceProvider.GetRequiredService<ApiTokenService>().FindAsync(created.PlainText, Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    public async Task Create_BadNameOrUnknownAbility_IsAValidationError(string name)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var access = await OwnerAccessAsync(scope);
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => tokens.CreateAsync(access, name, ["everything"], null, Token));

        Assert.Contains("abilities", ex.Errors.Keys);
    }

    [Fact]
    public async Task Create_MemberAskingForWrite_IsForbidden()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var owner = await OwnerAccessAsync(scope);
        var member = owner with { Role = TeamRole.Member };
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => tokens.CreateAsync(member, "ci", [Abilities.Write], null, Token));
        Assert.NotNull(await tokens.CreateAsync(member, "reader", [Abilities.Read], null, Token));
    }

    private static async Task<TeamAccess> OwnerAccessAsync(AsyncServiceScope scope)
    {
        var user = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync("Ada", "ada@example.com", "Corr3ct-Horse!", Token);
        return (await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(user.Id, user.CurrentTeamId!.Value, Token))!;
    }
}
