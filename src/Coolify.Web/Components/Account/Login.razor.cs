using Coolify.Core.Audit;
using Coolify.Core.Persistence;
using Coolify.Core.Settings;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Components.Account;

public partial class Login
{
    internal const string LockedOutMessage = "Too many failed attempts. This account is locked for a while; try again later.";

    private string? _message;
    private bool _registrationOpen;
    private IReadOnlyList<ExternalLoginProvider> _providers = [];

    // What went wrong on the way back from an external login (see ExternalLoginEndpoints).
    private static readonly Dictionary<string, string> ExternalErrors = new(StringComparer.Ordinal)
    {
        ["provider-disabled"] = "That login provider is not enabled on this instance.",
        ["external-failed"] = "The login with the external provider did not complete. Try again.",
        ["email-unverified"] = "An account with this email exists, but the provider did not confirm that the address is yours. Log in with your password.",
        ["registration-closed"] = "No account uses this login, and registration is disabled on this instance. Ask an administrator for an invitation.",
        ["no-email"] = "The provider did not share a usable email address, or it belongs to another account.",
        ["locked"] = LockedOutMessage,
    };

    [Inject]
    public required SignInManager<User> SignInManager { get; init; }

    [Inject]
    public required CoolifyDbContext Db { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    [Inject]
    public required AuditLog Audit { get; init; }

    [SupplyParameterFromForm]
    private LoginInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    [Inject]
    public required ExternalLoginSettings ExternalLogins { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        // A new instance has no account yet: onboarding starts with registering the admin.
        if (!await Db.Users.AnyAsync())
        {
            NavigationManager.NavigateTo("/register");
            return;
        }

        _registrationOpen = await Db.InstanceSettings.Select(s => s.IsRegistrationEnabled).SingleAsync();
        _providers = await ExternalLogins.EnabledAsync(CancellationToken.None);
        if (Error is not null)
        {
            _message = ExternalErrors.GetValueOrDefault(Error);
        }
    }

    private async Task LoginAsync()
    {
        var email = (Input!.Email ?? string.Empty).Trim().ToLowerInvariant();
        var result = await SignInManager.PasswordSignInAsync(email, Input!.Password ?? string.Empty, Input!.RememberMe, lockoutOnFailure: true);
        var userId = await Db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => (int?)u.Id).SingleOrDefaultAsync();
        if (result.RequiresTwoFactor)
        {
            // The password was right; the login is recorded once the second factor is too.
            await Audit.RecordAsync("login.password_accepted", userId, null, email, CancellationToken.None);
            var returnUrl = Uri.EscapeDataString(LocalReturnUrl.From(ReturnUrl));
            NavigationManager.NavigateTo($"/login/two-factor?returnUrl={returnUrl}&rememberMe={(Input.RememberMe ? "true" : "false")}");
            return;
        }

        var action = result.Succeeded ? "login.succeeded" : result.IsLockedOut ? "login.locked_out" : "login.failed";
        await Audit.RecordAsync(action, userId, null, email, CancellationToken.None);
        if (result.Succeeded)
        {
            NavigationManager.NavigateTo(LocalReturnUrl.From(ReturnUrl));
        }
        else if (result.IsLockedOut)
        {
            _message = LockedOutMessage;
        }
        else
        {
            _message = "These credentials do not match our records.";
        }
    }

    private sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
