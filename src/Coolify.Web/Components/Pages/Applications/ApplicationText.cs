using Coolify.Core.Applications;

namespace Coolify.Web.Components.Pages.Applications;

/// <summary>How the dashboard names an application's source in one line.</summary>
public static class ApplicationText
{
    public static string Source(Application application) =>
        application.GitRepository is not null ? $"{application.GitRepository} ({application.GitBranch}, {application.BuildPack})"
        : application.BuildPack == ApplicationService.DockerImageBuildPack ? $"{application.DockerRegistryImageName}:{application.DockerRegistryImageTag}"
        : "its own Dockerfile";
}
