namespace Coolify.Core.Services.Compose;

/// <summary>A file a compose file declares with its content (Coolify's <c>content:</c> mounts), put into its container before it starts.</summary>
public sealed record ComposeProjectFile(string Container, string Path, string Content);
