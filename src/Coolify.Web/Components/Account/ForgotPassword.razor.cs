using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;

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
        var siteUrl = await Hosting.SiteAddress.ResolveAsync(Db, new Uri(NavigationManager.BaseUri), CancellationToken.None);
        await PasswordReset.RequestAsync(Input!.Email, siteUrl, CancellationToken.None);
        _sent = true;
    }

    private sealed class ForgotInput
    {
        public string? Email { get; set; }
    }
}
