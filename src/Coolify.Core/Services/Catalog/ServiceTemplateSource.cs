namespace Coolify.Core.Services.Catalog;

/// <summary>Where the catalog's feed templates came from.</summary>
public enum ServiceTemplateSource
{
    /// <summary>Built-in templates only: nothing downloaded or cached yet.</summary>
    BuiltIn,

    /// <summary>The cached copy of an earlier download, plus built-in templates the feed lacks.</summary>
    Cache,

    /// <summary>A download in this process's life, plus built-in templates the feed lacks.</summary>
    Feed,
}
