namespace Coolify.Core.Services.Compose;

/// <summary>A variable a compose value refers to, with the text after its operator (default or message) and whether it is required.</summary>
public sealed record ComposeReference(string Name, string? Default, bool Required);
