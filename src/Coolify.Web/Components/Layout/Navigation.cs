namespace Coolify.Web.Components.Layout;

/// <summary>The dashboard's main navigation, in Coolify's order and at Coolify's URLs.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationEntry> Main =
    [
        new("Dashboard", "/", "home", "Overview of your projects and servers."),
        new("Projects", "/projects", "folder", "Projects group environments; applications, databases and services live in an environment.", "[4/7] The deployment engine"),
        new("Servers", "/servers", "server", "Machines reached over SSH (or this host) that run your resources.", "[3/7] Servers over SSH"),
        new("Sources", "/sources", "branch", "Git providers (GitHub apps, GitLab, ...) that private repositories are pulled from.", "[4/7] The deployment engine"),
        new("Destinations", "/destinations", "network", "Docker networks on your servers that resources are attached to.", "[3/7] Servers over SSH"),
        new("S3 Storages", "/storages", "bucket", "S3-compatible storages that database backups are sent to."),
        new("Shared Variables", "/shared-variables", "variable", "Environment variables shared by a team, project or environment.", "[4/7] The deployment engine"),
        new("Notifications", "/notifications", "bell", "E-mail and chat notifications about deployments, backups and servers.", "a later issue"),
        new("Keys & Tokens", "/security/api-tokens", "key", "SSH private keys and API tokens."),
        new("Tags", "/tags", "tag", "Team-wide labels for resources; deploy everything with a tag at once.", "[4/7] The deployment engine"),
        new("Terminal", "/terminal", "terminal", "A shell on your servers and containers, in the browser.", "a later issue"),
        new("Profile", "/profile", "user", "Your account: name, e-mail, password and two-factor authentication."),
        new("Teams", "/team", "users", "Members, roles and invitations of your current team."),
        new("Settings", "/settings", "settings", "Instance settings: domain, registration, API access, updates."),
    ];

    /// <summary>Pages reached from within a section rather than from the main navigation.</summary>
    public static readonly IReadOnlyList<NavigationEntry> Secondary =
    [
        new("Private Keys", "/security/private-key", "key", "SSH private keys used to reach servers and git repositories.", "[3/7] Servers over SSH"),
    ];

    public static NavigationEntry? Find(string relativePath)
    {
        var path = "/" + relativePath.Split('?', '#')[0].Trim('/');
        return Main.Concat(Secondary).FirstOrDefault(e => string.Equals(e.Href, path, StringComparison.OrdinalIgnoreCase));
    }
}
