using Coolify.Core.Common;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Coolify.Web.Components.Pages.Profile;

/// <summary>
/// Turning the authenticator app on and off. A plain server-rendered page, not an interactive one: each change
/// renews the account's security stamp, and only an HTTP response can hand this browser a renewed cookie.
/// </summary>
public partial class TwoFactorPage
{
    private const string Issuer = "Coolify.NET";

    private TwoFactorStatus? _status;
    private AuthenticatorSetup? _setup;
    private string? _qrCode;
    private IReadOnlyList<string>? _recoveryCodes;
    private string? _message;
    private IReadOnlyDictionary<string, string[]>? _errors;
    private bool _confirmationRequired;
    private bool _hasPassword;
    private int _userId;

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [Inject]
    public required TwoFactorAuthentication TwoFactor { get; init; }

    [Inject]
    public required Reauthentication Reauthentication { get; init; }

    [Inject]
    public required SignInManager<User> SignInManager { get; init; }

    [SupplyParameterFromForm(FormName = "enable-2fa")]
    private EnableInput? Enable { get; set; }

    [SupplyParameterFromForm(FormName = "regenerate-codes")]
    private NoInput? Regenerate { get; set; }

    [SupplyParameterFromForm(FormName = "disable-2fa")]
    private DisableInput? Disable { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Enable ??= new();
        Regenerate ??= new();
        Disable ??= new();
        _userId = int.Parse(SignInManager.UserManager.GetUserId(HttpContext.User)!, System.Globalization.CultureInfo.InvariantCulture);
        _confirmationRequired = await Reauthentication.IsRequiredAsync(HttpContext.RequestAborted);
        _hasPassword = await Reauthentication.HasPasswordAsync(_userId, HttpContext.RequestAborted);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _status = await TwoFactor.GetStatusAsync(_userId, HttpContext.RequestAborted);
        if (!_status.Enabled)
        {
            _setup = await TwoFactor.BeginSetupAsync(_userId, Issuer, HttpContext.RequestAborted);
            _qrCode = QrCodeDataUri(_setup.AuthenticatorUri);
        }
    }

    private async Task EnableAsync()
    {
        try
        {
            _recoveryCodes = await TwoFactor.EnableAsync(_userId, Enable!.Code, HttpContext.RequestAborted);
            await RefreshSignInAsync();
            _message = "Two-factor authentication is on. From now on, logging in asks for a code from your app.";
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
    }

    private async Task RegenerateAsync()
    {
        _recoveryCodes = await TwoFactor.RegenerateRecoveryCodesAsync(_userId, HttpContext.RequestAborted);
        _message = "New recovery codes made; the old ones no longer work.";
        await LoadAsync();
    }

    private async Task DisableAsync()
    {
        try
        {
            await Reauthentication.EnsureConfirmedAsync(_userId, Disable!.Confirmation, HttpContext.RequestAborted);
            await TwoFactor.DisableAsync(_userId, HttpContext.RequestAborted);
            await RefreshSignInAsync();
            _message = "Two-factor authentication is off.";
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
    }

    // The change renewed the security stamp, which would end this session at its next check; renew the cookie too.
    private async Task RefreshSignInAsync()
    {
        var user = await SignInManager.UserManager.FindByIdAsync(_userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SignInManager.RefreshSignInAsync(user!);
    }

    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private sealed class EnableInput
    {
        public string? Code { get; set; }
    }

    // The regenerate form has nothing to fill in, but a form still needs a model.
    private sealed class NoInput;

    private sealed class DisableInput
    {
        public string? Confirmation { get; set; }
    }
}
