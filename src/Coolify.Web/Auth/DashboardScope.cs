using Coolify.Core.Common;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Components.Authorization;

namespace Coolify.Web.Auth;

/// <summary>
/// How a dashboard page acts for its signed-in user: each action gets a fresh DI scope (its own DbContext — a
/// circuit lives far longer than a unit of work) and the user's <see cref="TeamScope"/>, resolved anew so role
/// changes apply at once.
/// </summary>
public sealed class DashboardScope(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    /// <exception cref="ForbiddenException">The user belongs to no team.</exception>
    public async Task<T> RunAsync<T>(Func<TeamScope, IServiceProvider, Task<T>> action, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<Core.Audit.IClientAddress>() is HttpClientAddress { Current: null } address
            && state.User.FindFirst(CoolifyClaims.SessionKey)?.Value is { } sessionKey)
        {
            // Audit events from this tab say where its session logged in from.
            address.SessionAddress = await scope.ServiceProvider.GetRequiredService<UserSessions>().AddressOfAsync(sessionKey, cancellationToken);
        }

        var team = await scope.ServiceProvider.GetRequiredService<TeamScopeFactory>().CreateAsync(state.User, cancellationToken)
            ?? throw new ForbiddenException("You are not a member of any team.");
        return await action(team, scope.ServiceProvider);
    }

    /// <summary>The same, for actions that return nothing.</summary>
    public Task RunAsync(Func<TeamScope, IServiceProvider, Task> action, CancellationToken cancellationToken = default) =>
        RunAsync<bool>(async (team, services) =>
        {
            await action(team, services);
            return true;
        }, cancellationToken);
}
