using System.Security.Cryptography;
using Coolify.Core;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Hosting;

/// <summary>
/// Administration from the host binary, for headless setups and scripts:
/// <c>admin create-token --email E --name N --abilities root[,read,...] [--team ID]</c> prints a new API token once;
/// <c>admin reset-password --email E</c> sets the password read from stdin (or generates and prints one).
/// </summary>
internal static class AdminCommand
{
    public const string Usage =
        "usage: admin create-token --email EMAIL --name NAME --abilities root|read,write,... [--team TEAM_ID]\n" +
        "       admin reset-password --email EMAIL   (new password on stdin; without stdin one is generated and printed)";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ParseOptions(args.Skip(2));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var coolify = CoolifyOptions.Load(builder.Configuration);
        builder.Services.AddCoolifyPersistence(coolify.Database, coolify.DataDirectory);
        builder.Services.AddCoolifyCore();
        builder.Services.AddCoolifyAuth();
        using var host = builder.Build();

        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var services = scope.ServiceProvider;
        switch (args.ElementAtOrDefault(1))
        {
            case "create-token":
                Console.WriteLine(await CreateTokenAsync(services, options));
                return 0;
            case "reset-password":
                var generated = await ResetPasswordAsync(services, options);
                Console.WriteLine(generated is null ? "Password changed." : $"New password: {generated}");
                return 0;
            default:
                throw new ConfigurationException(Usage);
        }
    }

    private static async Task<string> CreateTokenAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var user = await FindUserAsync(services, options);
        var teamId = options.TryGetValue("team", out var team) && int.TryParse(team, out var id) ? id : user.CurrentTeamId
            ?? throw new ConfigurationException("the user belongs to no team; pass --team TEAM_ID.");
        var access = await services.GetRequiredService<TeamAccessResolver>().ResolveAsync(user.Id, teamId, CancellationToken.None)
            ?? throw new ConfigurationException($"{user.Email} is not a member of team {teamId}.");
        var abilities = Required(options, "abilities").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var created = await services.GetRequiredService<ApiTokenService>()
            .CreateAsync(access, Required(options, "name"), abilities, null, CancellationToken.None);
        return created.PlainText;
    }

    /// <returns>The generated password, or null when it was read from stdin.</returns>
    private static async Task<string?> ResetPasswordAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var user = await FindUserAsync(services, options);
        string? generated = null;
        var password = Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        if (string.IsNullOrEmpty(password))
        {
            generated = password = GeneratePassword();
        }

        var users = services.GetRequiredService<UserManager<User>>();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new ConfigurationException($"password refused: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return generated;
    }

    private static async Task<User> FindUserAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var email = Required(options, "email");
        return await services.GetRequiredService<CoolifyDbContext>().Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant())
            ?? throw new ConfigurationException($"no account with the e-mail {email}.");
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyz", 8) + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 6)
        + RandomNumberGenerator.GetString("23456789", 6) + RandomNumberGenerator.GetString("!@#%+=", 2);

    private static string Required(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ConfigurationException($"--{name} is required.\n{Usage}");

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                options[pending] = string.Empty;
            }
            else if (pending is not null)
            {
                options[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ConfigurationException($"unexpected argument '{arg}'.\n{Usage}");
            }
        }

        return options;
    }
}
