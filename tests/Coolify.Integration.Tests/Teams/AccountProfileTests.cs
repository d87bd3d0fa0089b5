using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Teams;

public class AccountProfileTests
{
    private const string Password = "Corr3ct-Horse!";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task ChangePassword_NeedsTheCurrentOne_AndAStrongNewOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync("Ada", "ada@example.com", Password, Token);
        var profile = scope.ServiceProvider.GetRequiredService<AccountProfile>();

        var wrong = await Assert.ThrowsAsync<ValidationException>(() => profile.ChangePasswordAsync(user.Id, "Wrong-Passw0rd!", "N3w-Passw0rd!", Token));
        Assert.Contains("current_password", wrong.Errors.Keys);
        var weak = await Assert.ThrowsAsync<ValidationException>(() => profile.ChangePasswordAsync(user.Id, Password, "weak", Token));
        Assert.Contains("password", weak.Errors.Keys);

        await profile.ChangePasswordAsync(user.Id, Password, "N3w-Passw0rd!", Token);

        await using var later = database.CreateScope();
        var users = later.ServiceProvider.GetRequiredService<UserManager<User>>();
        var reloaded = await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await users.CheckPasswordAsync(reloaded!, "N3w-Passw0rd!"));
        Assert.False(await users.CheckPasswordAsync(reloaded!, Password));
    }

    [Fact]
    public async Task Rename_WithMarkup_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync("Ada", "ada@example.com", Password, Token);
        var profile = scope.ServiceProvider.GetRequiredService<AccountProfile>();

        await Assert.ThrowsAsync<ValidationException>(() => profile.RenameAsync(user.Id, "<img src=x onerror=alert(1)>", Token));
        await profile.RenameAsync(user.Id, "Ada Lovelace", Token);

        Assert.Equal("Ada Lovelace", (await profile.GetAsync(user.Id, Token)).Name);
    }
}
