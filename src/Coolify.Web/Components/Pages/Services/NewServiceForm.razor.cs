using Coolify.Core.Common;
using Coolify.Core.Projects;
using Coolify.Core.Servers;
using Coolify.Core.Services;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>The creation form of a service: nothing is stored unless the whole compose file passes its checks.</summary>
public partial class NewServiceForm
{
    private const string ComposePlaceholder = "services:\n  web:\n    image: nginx:alpine\n    environment:\n      - SERVICE_URL_WEB_80";

    private static readonly string[] ShownAtFields = ["name", "server_uuid"];

    private readonly ServiceInput _input = new();
    private IReadOnlyDictionary<string, string[]>? _errors;
    private string? _message;
    private bool _busy;

    [Parameter, EditorRequired]
    public required string ProjectUuid { get; set; }

    [Parameter, EditorRequired]
    public required string EnvironmentUuid { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<Server> Servers { get; set; }

    /// <summary>The catalog template's name, or null for the user's own compose file.</summary>
    [Parameter]
    public string? ServiceType { get; set; }

    /// <summary>The template's compose file; null lets the user write one.</summary>
    [Parameter]
    public string? TemplateCompose { get; set; }

    /// <summary>A team admin: may allow the options that reach beyond the service's own containers.</summary>
    [Parameter]
    public bool CanAllowRisky { get; set; }

    [Inject]
    public required DashboardScope Scope { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    private bool IsOwnFile => TemplateCompose is null;

    protected override void OnParametersSet() => _input.ServerUuid ??= Servers.FirstOrDefault()?.Uuid;

    private async Task CreateAsync()
    {
        (_busy, _errors, _message) = (true, null, null);
        var compose = TemplateCompose ?? _input.Compose ?? string.Empty;
        var change = new ServiceChange(Name: string.IsNullOrWhiteSpace(_input.Name) ? null : _input.Name.Trim(), AllowRiskyOptions: CanAllowRisky ? _input.AllowRiskyOptions : null);
        try
        {
            var service = await Scope.RunAsync((team, services) => services.GetRequiredService<ComposeServices>().CreateAsync(
                team, new ResourcePlace(ProjectUuid, _input.ServerUuid, null, EnvironmentUuid), ServiceType, compose, change, CancellationToken.None));
            NavigationManager.NavigateTo($"/services/{service.Uuid}");
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (Exception ex) when (UserErrors.IsShownToUser(ex))
        {
            _message = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class ServiceInput
    {
        public string? Name { get; set; }

        public string? ServerUuid { get; set; }

        public string? Compose { get; set; }

        public bool AllowRiskyOptions { get; set; }
    }
}
