using System.Data.Common;
using Coolify.Core;
using Coolify.Core.Common;
using Coolify.Infrastructure.Persistence;
using Coolify.Infrastructure.Servers;
using Coolify.Web.Api;
using Coolify.Web.Auth;
using Coolify.Web.Auth.ExternalLogins;
using Coolify.Web.Backups;
using Coolify.Web.Components;
using Coolify.Web.Hosting;
using Microsoft.AspNetCore.Connections;

try
{
    if (AdminCommand.Matches(args))
    {
        return await AdminCommand.RunAsync(args);
    }

    // Content (appsettings.json) comes from the build output, so the working directory is free to be the
    // operator's: ./data is relative to where the product is started.
    // The slim builder leaves out what a control plane behind its own proxy never uses (IIS integration, HTTPS
    // and HTTP/3 in Kestrel, hosting-startup scanning): fewer assemblies loaded, less memory at idle.
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    var options = CoolifyOptions.Load(builder.Configuration);

    builder.AddCoolifyLogging();
    builder.WebHost.UseStaticWebAssets();
    var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
    if (string.IsNullOrEmpty(urls))
    {
        urls = $"http://0.0.0.0:{CoolifyOptions.DefaultPort}";
        builder.WebHost.UseUrls(urls);
    }

    ListenAddressCheck.EnsureAvailable(urls);

    builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
    builder.Services.AddSingleton(options);
    builder.Services.AddSingleton(options.BuildImages);
    builder.Services.AddSingleton(options.ProxyImages);
    builder.Services.AddCoolifyPersistence(options.Database, options.DataDirectory);
    builder.Services.AddCoolifyCore();
    builder.Services.AddCoolifyServerAccess();
    builder.Services.AddSingleton<Coolify.Web.Servers.ServerValidationQueue>();
    builder.Services.AddHostedService<Coolify.Web.Servers.ServerValidationWorker>();
    builder.Services.AddHostedService<Coolify.Web.Servers.ServerHealthWorker>();
    builder.Services.AddHostedService<Coolify.Web.Deployments.DeploymentWorker>();
    builder.Services.AddHostedService<ControlPlaneRoute>();
    builder.Services.AddHostedService<Coolify.Web.Backups.BackupWorker>();
    builder.Services.AddCoolifyAuth();
    builder.Services.AddApiRateLimiting(builder.Configuration);
    builder.Services.AddCoolifyOpenApi();
    builder.Services.AddTrustedProxies(builder.Configuration);
    builder.Services.AddServiceTemplates(builder.Configuration, options.DataDirectory);
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();

    var app = builder.Build();
    await app.InitializeDatabaseAsync(app.Lifetime.ApplicationStopping);
    await app.CreateRootUserIfConfiguredAsync(app.Lifetime.ApplicationStopping);

    // Unknown dashboard addresses get the dashboard's own 404 page; API 404s stay bare (JSON bodies come with the API).
    app.UseWhen(
        context => !context.Request.Path.StartsWithSegments("/api"),
        branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    app.UseForwardedHeaders();
    app.UseExceptionHandler();
    app.UseMiddleware<ApiAccessGate>();
    app.UseRouting(); // after status code pages, so the re-executed request is routed again
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UseAntiforgery();
    app.MapStaticAssets();
    app.MapSystemEndpoints();
    app.MapTeamsEndpoints();
    app.MapInstanceEndpoints();
    app.MapSettingsEndpoints();
    app.MapPrivateKeyEndpoints();
    app.MapServerEndpoints();
    app.MapProxyEndpoints();
    app.MapProxyCertificateEndpoints();
    app.MapDatabaseEndpoints();
    app.MapS3StorageEndpoints();
    app.MapBackupEndpoints();
    app.MapBackupDownloadEndpoint();
    app.MapDestinationEndpoints();
    app.MapProjectEndpoints();
    app.MapApplicationEndpoints();
    app.MapDeploymentEndpoints();
    app.MapEnvironmentVariableEndpoints();
    app.MapStorageEndpoints();
    app.MapTagEndpoints();
    app.MapServiceTemplateEndpoints();
    app.MapServiceEndpoints();
    app.MapTeamManagementEndpoints();
    app.MapAccountEndpoints();
    app.MapExternalLoginEndpoints();
    app.MapOpenApi("/openapi/{documentName}.json");
    app.MapApiFallback();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    // Start-up (migrations, model building) leaves garbage a workstation GC would keep committed for a long
    // time; one aggressive collection returns it to the OS, so the idle footprint is the real working set.
    app.Lifetime.ApplicationStarted.Register(() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));

    await app.RunAsync();
    return 0;
}
catch (ConfigurationException ex)
{
    return StartupFailure.Report(ex.Message);
}
catch (DatabaseUnavailableException ex)
{
    return StartupFailure.Report(ex.Message);
}
catch (Exception ex) when (ex is ValidationException or ForbiddenException)
{
    return StartupFailure.Report(ex.Message);
}
catch (Exception ex) when (ex is ValidationException or ForbiddenException)
{
    return StartupFailure.Report(ex.Message);
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    return StartupFailure.Report($"cannot listen: {ex.Message} Stop the other process or choose another address with --urls or ASPNETCORE_URLS.");
}

/// <summary>The entry point's type, named so WebApplicationFactory&lt;Program&gt; can find it.</summary>
public partial class Program;
