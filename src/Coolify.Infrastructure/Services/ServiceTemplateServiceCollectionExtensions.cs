using Coolify.Core.Services.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Infrastructure.Services;

public static class ServiceTemplateServiceCollectionExtensions
{
    /// <summary>The one-click service catalog (a singleton) and its HTTP download of the feed.</summary>
    public static IServiceCollection AddServiceTemplateCatalog(this IServiceCollection services, ServiceTemplateCatalogOptions options, TimeSpan downloadTimeout)
    {
        services.AddSingleton(options);
        services.AddSingleton<IServiceTemplateDownloader>(_ => new HttpServiceTemplateDownloader(downloadTimeout));
        services.AddSingleton<ServiceTemplateCatalog>();
        return services;
    }
}
