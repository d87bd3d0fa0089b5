using Coolify.Core.Common;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Account;

/// <summary>Where the emailed link lands: the email and one-use code come in the query, then ride in the form.</summary>
public partial class ResetPassword
{
    private bool _done;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject]
    public required PasswordReset PasswordReset { get; init; }

    [SupplyParameterFromForm]
    private ResetInput? Input { get; set; }

    [SupplyParameterFromQuery(Name = "email")]
    private string? Email { get; set; }

    [SupplyParameterFromQuery(Name = "code")]
    private string? Code { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new();
        Input.Email ??= Email;
        Input.Code ??= Code;
    }

    private async Task ResetAsync()
    {
        try
        {
            await PasswordReset.ResetAsync(Input!.Email, Input.Code, Input.Password, CancellationToken.None);
            _done = true;
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
    }

    private sealed class ResetInput
    {
        public string? Email { get; set; }

        public string? Code { get; set; }

        public string? Password { get; set; }
    }
}
