using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Teams;

public class ReauthenticationTests
{
    private const string Password = "Corr3ct-Horse!";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Confirmation_NeedsThePassword_UnlessTheInstanceTurnsItOff(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<AccountRegistration>().RegisterAsync("Ada", "ada@example.com", Password, Token);
        var reauthentication = services.GetRequiredService<Reauthentication>();

        var wrong = await Assert.ThrowsAsync<ValidationException>(() => reauthentication.EnsureConfirmedAsync(user.Id, "Wrong-Passw0rd!", Token));
        Assert.Contains(Reauthentication.Field, wrong.Errors.Keys);
        await Assert.ThrowsAsync<ValidationException>(() => reauthentication.EnsureConfirmedAsync(user.Id, null, Token));
        await reauthentication.EnsureConfirmedAsync(user.Id, Password, Token);

        var db = services.GetRequiredService<CoolifyDbContext>();
        await db.InstanceSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.DisableTwoStepConfirmation, true), Token);

        Assert.False(await reauthentication.IsRequiredAsync(Token));
        await reauthentication.EnsureConfirmedAsync(user.Id, null, Token);
    }
}
