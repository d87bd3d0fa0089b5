using Coolify.Core.Common;
using Coolify.Core.Teams;

namespace Coolify.Web.Hosting;

/// <summary>
/// Unattended first run: <c>COOLIFY_ROOT_USER_EMAIL</c> and <c>COOLIFY_ROOT_USER_PASSWORD</c> (and optional
/// <c>COOLIFY_ROOT_USERNAME</c>) create the instance admin when no account exists yet, as Coolify's installer does.
/// </summary>
internal static class RootUserBootstrap
{
    public const string EmailVariable = "COOLIFY_ROOT_USER_EMAIL";
    public const string PasswordVariable = "COOLIFY_ROOT_USER_PASSWORD";
    public const string NameVariable = "COOLIFY_ROOT_USERNAME";

    public static async Task CreateRootUserIfConfiguredAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var email = app.Configuration[EmailVariable];
        var password = app.Configuration[PasswordVariable];
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(password))
        {
            return;
        }

        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            throw new ConfigurationException($"set both {EmailVariable} and {PasswordVariable} to create the first admin, or neither.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        if (await registration.HasAnyUserAsync(cancellationToken))
        {
            return;
        }

        try
        {
            var name = app.Configuration[NameVariable];
            await registration.RegisterAsync(string.IsNullOrWhiteSpace(name) ? "Root User" : name, email, password, cancellationToken);
        }
        catch (ValidationException ex)
        {
            var problems = string.Join(" ", ex.Errors.SelectMany(e => e.Value.Select(m => $"{VariableFor(e.Key)}: {m}")));
            throw new ConfigurationException($"cannot create the first admin: {problems}", ex);
        }

        app.Logger.LogInformation("Created the instance admin {Email} from {Variable}", email, EmailVariable);
    }

    private static string VariableFor(string field) => field switch
    {
        "email" => EmailVariable,
        "password" => PasswordVariable,
        _ => NameVariable,
    };
}
