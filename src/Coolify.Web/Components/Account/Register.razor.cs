using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Components.Account;

public partial class Register
{
    private bool _isFirstAccount;
    private bool _open;
    private string? _message;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject]
    public required AccountRegistration Registration { get; init; }

    [Inject]
    public required SignInManager<User> SignInManager { get; init; }

    [Inject]
    public required CoolifyDbContext Db { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    [SupplyParameterFromForm]
    private RegisterInput? Input { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        _isFirstAccount = !await Registration.HasAnyUserAsync(CancellationToken.None);
        _open = _isFirstAccount || await Db.InstanceSettings.Select(s => s.IsRegistrationEnabled).SingleAsync();
        if (!_open)
        {
            _message = "Registration is disabled on this instance. Ask an administrator for an invitation.";
        }
    }

    private async Task RegisterAsync()
    {
        try
        {
            var user = await Registration.RegisterAsync(Input!.Name, Input!.Email, Input!.Password, CancellationToken.None);
            await SignInManager.SignInAsync(user, isPersistent: false);
            NavigationManager.NavigateTo("/");
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (ForbiddenException ex)
        {
            _message = ex.Message;
        }
    }

    private sealed class RegisterInput
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
