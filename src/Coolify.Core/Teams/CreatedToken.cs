namespace Coolify.Core.Teams;

/// <summary>A new token and its clear value, which is shown once and never stored.</summary>
public sealed record CreatedToken(PersonalAccessToken Token, string PlainText);
