namespace Coolify.Core.Services.Compose;

/// <summary>
/// A compose file ready for the server: every variable filled in (each <c>$</c> of a value written <c>$$</c>, so
/// Compose passes it on as typed), our names, labels and networks, the files to copy, the containers by service.
/// </summary>
/// <param name="OwnPaths">The paths in the resource's folder that Compose reads or mounts from the host: checked again on the server (symbolic links) before it runs.</param>
public sealed record RenderedCompose(
    string Yaml, IReadOnlyList<ComposeProjectFile> Files, IReadOnlyDictionary<string, string> Containers, ComposeMap Document,
    string Folder = "", IReadOnlyList<string>? OwnPaths = null, IReadOnlyList<string>? Risks = null);
