using Coolify.Core.Teams;

namespace Coolify.Web.Components.Controls;

/// <summary>A destructive action waiting for the user to confirm it in a <see cref="ConfirmPanel"/>.</summary>
/// <param name="Title">What is about to happen, as a heading ("Delete team Acme?").</param>
/// <param name="Warning">What the user loses.</param>
/// <param name="ConfirmLabel">The button that does it.</param>
/// <param name="Action">The change itself, run in the same team scope as the password check.</param>
public sealed record PendingConfirmation(string Title, string Warning, string ConfirmLabel, Func<TeamScope, IServiceProvider, Task> Action);
