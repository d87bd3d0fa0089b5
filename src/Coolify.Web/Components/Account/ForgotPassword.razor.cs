using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Components.Account;

public partial class ForgotPassword
{
    private bool _sent;

    [Inject]
    public required PasswordReset PasswordReset { get; init; }

    [Inject]
    public required CoolifyDbContext Db { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    [SupplyParameterFromForm]
    private ForgotInput? Input { get; set; }

    protected override void OnInitialized() => Input ??= new();

    private async Task SendAsync()
    {
        // The instance's configured address when there is one: a forged Host header must not aim the link elsewhere.
        var fqdn = await Db.InstanceSettings.Select(s => s.Fqdn).SingleAsync();
        var siteUrl = fqdn is not null ? new Uri(fqdn) : new Uri(NavigationManager.BaseUri);
        await PasswordReset.RequestAsync(Input!.Email, siteUrl, CancellationToken.None);
        _sent = true;
    }

    private sealed class ForgotInput
    {
        public string? Email { get; set; }
    }
}
