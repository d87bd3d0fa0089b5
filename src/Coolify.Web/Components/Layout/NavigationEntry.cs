namespace Coolify.Web.Components.Layout;

/// <summary>One item of the main navigation. <see cref="Owner"/> names the issue that builds the page, while it is a placeholder.</summary>
public sealed record NavigationEntry(string Title, string Href, string Icon, string Summary, string? Owner = null);
