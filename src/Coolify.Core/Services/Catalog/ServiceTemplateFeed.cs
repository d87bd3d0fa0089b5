namespace Coolify.Core.Services.Catalog;

/// <summary>What a feed document held: the templates we can use, and the names of the entries we skipped.</summary>
public sealed record ServiceTemplateFeed(IReadOnlyList<ServiceTemplate> Templates, IReadOnlyList<string> Skipped);
