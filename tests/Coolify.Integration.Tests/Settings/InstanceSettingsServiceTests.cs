using Coolify.Core.Common;
using Coolify.Core.Settings;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Settings;

public class InstanceSettingsServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly InstanceSettingsChange Closed = new("Acme PaaS", "https://paas.example.com", false, true, "10.0.0.0/8, 192.168.1.10", true);

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Update_ByTheInstanceAdmin_IsSaved_ButNotByOtherOwners(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        var resolver = scope.ServiceProvider.GetRequiredService<TeamAccessResolver>();
        var service = scope.ServiceProvider.GetRequiredService<InstanceSettingsService>();
        var admin = await registration.RegisterAsync("Admin", "admin@example.com", "Corr3ct-Horse!", Token);
        var owner = await registration.RegisterAsync("Owner", "owner@example.com", "Corr3ct-Horse!", Token);

        var ownerAccess = await resolver.ResolveAsync(owner.Id, owner.CurrentTeamId!.Value, Token);
        await Assert.ThrowsAsync<ForbiddenException>(() => service.UpdateAsync(ownerAccess!, Closed, Token));

        await service.UpdateAsync((await resolver.ResolveAsync(admin.Id, admin.CurrentTeamId!.Value, Token))!, Closed, Token);

        await using var later = database.CreateScope();
        var saved = await later.ServiceProvider.GetRequiredService<InstanceSettingsService>().GetAsync(Token);
        Assert.False(saved.IsRegistrationEnabled);
        Assert.Equal("10.0.0.0/8,192.168.1.10", saved.AllowedIps);
        Assert.Equal("https://paas.example.com", saved.Fqdn);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "allowed_ips")]
    [InlineData("10.0.0.1; rm -rf /", "allowed_ips")]
    public async Task Update_WithBadAllowedIps_IsRefusedAndChangesNothing(string allowedIps, string field)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync("Admin", "admin@example.com", "Corr3ct-Horse!", Token);
        var access = await scope.ServiceProvider.GetRequiredService<TeamAccessResolver>().ResolveAsync(admin.Id, admin.CurrentTeamId!.Value, Token);
        var service = scope.ServiceProvider.GetRequiredService<InstanceSettingsService>();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => service.UpdateAsync(access!, Closed with { AllowedIps = allowedIps, IsRegistrationEnabled = false }, Token));

        Assert.Contains(field, ex.Errors.Keys);
        Assert.True((await service.GetAsync(Token)).IsRegistrationEnabled);
    }
}
