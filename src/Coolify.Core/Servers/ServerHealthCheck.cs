using Coolify.Core.Commands;
using Coolify.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Servers;

/// <summary>
/// The periodic reachability check of one server. One failed check is not enough to call a server unreachable
/// (a blip, a restart): only <see cref="UnreachableAfter"/> failures in a row are, as Coolify's unreachable count.
/// </summary>
public sealed class ServerHealthCheck(CoolifyDbContext db, IServerShells shells)
{
    public const int UnreachableAfter = 2;

    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Returns whether the server answered.</summary>
    public async Task<bool> CheckAsync(int serverId, CancellationToken cancellationToken)
    {
        var server = await db.Servers.Include(s => s.Settings).Include(s => s.PrivateKey).SingleAsync(s => s.Id == serverId, cancellationToken);
        bool answered;
        try
        {
            answered = (await shells.For(server).RunAsync(ShellCommand.Of("true"), new CommandOptions { Timeout = CheckTimeout }, cancellationToken)).Succeeded;
        }
        catch (Exception ex) when (ex is ServerConnectionException or CommandTimeoutException)
        {
            answered = false;
        }

        if (answered)
        {
            // The applications' containers, on the same beat: a crash or a failing health check shows without a deployment.
            try
            {
                var docker = new Docker.DockerCli(shells.For(server));
                await new Applications.ResourceStatuses(db).UpdateAsync(server, docker, cancellationToken);
                await RefreshProxyStatusAsync(server, docker, cancellationToken);
            }
            catch (Exception ex) when (ex is ServerConnectionException or CommandTimeoutException or CommandFailedException or Docker.DockerRequestException)
            {
                // Docker not answering is the validation's business; statuses stay as they were until it does.
            }

            server.UnreachableCount = 0;
            server.UnreachableNotificationSent = false;
            server.Settings!.IsReachable = true;
        }
        else if (++server.UnreachableCount >= UnreachableAfter)
        {
            server.Settings!.IsReachable = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return answered;
    }

    // The proxy's state as the dashboard and GET /servers/{uuid}/proxy show it (they never ask the server themselves).
    private static async Task RefreshProxyStatusAsync(Server server, Docker.DockerCli docker, CancellationToken cancellationToken)
    {
        var proxy = Proxy.ServerProxy.Read(server.Proxy);
        if (server.ProxyType == "none" || (proxy.Status is null && !proxy.ShouldRun))
        {
            return; // never started here: nothing to report
        }

        var status = await docker.ContainerStatusAsync(Proxy.ProxyContainer.Name, cancellationToken);
        if (status != proxy.Status)
        {
            proxy.Status = status;
            server.Proxy = proxy.Write();
        }
    }
}
