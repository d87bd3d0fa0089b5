using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Teams;

public class AccountRegistrationTests
{
    private const string Password = "Corr3ct-Horse!";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Register_FirstAccount_OwnsTheRootTeamAndAdministersTheInstance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();

        var admin = await registration.RegisterAsync("Ada", "Ada@Example.com", Password, Token);
        var second = await registration.RegisterAsync("Bob", "bob@example.com", Password, Token);

        var resolver = scope.ServiceProvider.GetRequiredService<TeamAccessResolver>();
        var adminAccess = await resolver.ResolveAsync(admin.Id, admin.CurrentTeamId!.Value, Token);
        Assert.Equal(TeamRole.Owner, adminAccess!.Role);
        Assert.True(adminAccess.IsInstanceAdmin);
        Assert.Equal("ada@example.com", admin.Email);

        var secondAccess = await resolver.ResolveAsync(second.Id, second.CurrentTeamId!.Value, Token);
        Assert.Equal(TeamRole.Owner, secondAccess!.Role);
        Assert.False(secondAccess.IsInstanceAdmin);

        await using var db = database.CreateContext();
        var teams = await db.Teams.OrderBy(t => t.Id).Select(t => new { t.Name, t.IsRootTeam, t.PersonalTeam }).ToListAsync(Token);
        Assert.Equal([new { Name = "Root Team", IsRootTeam = true, PersonalTeam = false }, new { Name = "Bob's Team", IsRootTeam = false, PersonalTeam = true }], teams);
        Assert.Null(await resolver.ResolveAsync(second.Id, admin.CurrentTeamId.Value, Token));
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Register_WhenRegistrationIsDisabled_IsRefusedAndCreatesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync("Ada", "ada@example.com", Password, Token);
        }

        await using (var db = database.CreateContext())
        {
            (await db.InstanceSettings.SingleAsync(Token)).IsRegistrationEnabled = false;
            await db.SaveChangesAsync(Token);
        }

        await using (var scope = database.CreateScope())
        {
            var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
            await Assert.ThrowsAsync<ForbiddenException>(() => registration.RegisterAsync("Eve", "eve@example.com", Password, Token));
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Users.CountAsync(Token));
        Assert.Equal(1, await check.Teams.CountAsync(Token));
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Register_SameEmailTwice_IsAValidationError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        await registration.RegisterAsync("Ada", "ada@example.com", Password, Token);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => registration.RegisterAsync("Ada Again", "ADA@example.com", Password, Token));

        Assert.Equal(["The email has already been taken."], ex.Errors["email"]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "ok@example.com", Password, "name")]
    [InlineData("Bob\u0000", "ok@example.com", Password, "name")]
    [InlineData("", "ok@example.com", Password, "name")]
    [InlineData("Bob", "not-an-email", Password, "email")]
    [InlineData("Bob", "bob@example.com\r\nBcc: x@evil.example", Password, "email")]
    [InlineData("Bob", "bob@example.com", "short", "password")]
    [InlineData("Bob", "bob@example.com", "alllowercase1!", "password")]
    public async Task Register_HostileOrBadInput_IsRefusedPerField(string name, string email, string password, string field)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => registration.RegisterAsync(name, email, password, Token));

        Assert.Contains(field, ex.Errors.Keys);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync(Token));
    }

    [Fact]
    public async Task Register_OverLongName_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => registration.RegisterAsync(new string('a', 256), "long@example.com", Password, Token));

        Assert.Equal(["The name must be between 1 and 255 characters."], ex.Errors["name"]);
    }
}
