namespace Coolify.Core.Services.Compose;

/// <summary>
/// A compose file ready for the server: every variable filled in (each <c>$</c> of a value written <c>$$</c>, so
/// Compose passes it on as typed), our names, labels and networks, the files to copy, the containers by service.
/// </summary>
public sealed record RenderedCompose(string Yaml, IReadOnlyList<ComposeProjectFile> Files, IReadOnlyDictionary<string, string> Containers, ComposeMap Document);
