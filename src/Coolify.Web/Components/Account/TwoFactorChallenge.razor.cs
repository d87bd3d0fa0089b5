using Coolify.Core.Audit;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace Coolify.Web.Components.Account;

/// <summary>
/// The second step of logging in for accounts with 2FA: Identity keeps the half-signed-in user in its two-factor
/// cookie between the password form and this one.
/// </summary>
public partial class TwoFactorChallenge
{
    private string? _message;
    private bool _recovery;
    private User? _user;

    [Inject]
    public required SignInManager<User> SignInManager { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    [Inject]
    public required AuditLog Audit { get; init; }

    [SupplyParameterFromForm]
    private ChallengeInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery]
    private bool RememberMe { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        _recovery = NavigationManager.ToBaseRelativePath(NavigationManager.Uri).StartsWith("login/recovery", StringComparison.OrdinalIgnoreCase);
        _user = await SignInManager.GetTwoFactorAuthenticationUserAsync();
        if (_user is null)
        {
            // No password step behind this visit (or it expired): start over.
            NavigationManager.NavigateTo("/login");
        }
    }

    private async Task VerifyAsync()
    {
        // Recovery codes keep their dash (Identity stores them as shown); app codes are digits only.
        var code = (Input!.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = _recovery
            ? await SignInManager.TwoFactorRecoveryCodeSignInAsync(code)
            : await SignInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberBrowser);
        var action = result.Succeeded ? (_recovery ? "login.succeeded_with_recovery_code" : "login.succeeded")
            : result.IsLockedOut ? "login.locked_out" : "login.2fa_failed";
        await Audit.RecordAsync(action, _user!.Id, null, _user.Email, CancellationToken.None);
        if (result.Succeeded)
        {
            NavigationManager.NavigateTo(LocalReturnUrl.From(ReturnUrl));
        }
        else if (result.IsLockedOut)
        {
            _message = Login.LockedOutMessage;
        }
        else
        {
            _message = _recovery ? "That recovery code is not valid or was already used." : "That code is not valid. Check your app and try again.";
        }
    }

    private string ChallengeLink(string path) =>
        $"{path}?returnUrl={Uri.EscapeDataString(LocalReturnUrl.From(ReturnUrl))}&rememberMe={(RememberMe ? "true" : "false")}";

    private sealed class ChallengeInput
    {
        public string? Code { get; set; }

        public bool RememberBrowser { get; set; }
    }
}
