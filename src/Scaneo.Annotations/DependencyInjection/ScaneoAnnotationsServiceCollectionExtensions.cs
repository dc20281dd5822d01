using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.DependencyInjection;
using Scaneo.Annotations.Exports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Scaneo's annotation services.</summary>
public static class ScaneoAnnotationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AnnotationBuilder"/>, <see cref="ScaneoImporter"/>, the four exporters (each also as
    /// <see cref="IAnnotationExporter"/>), <see cref="TimeProvider.System"/> when no <see cref="TimeProvider"/> is
    /// registered, and <see cref="ScaneoAnnotationsOptions"/> validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The options builder, to chain further configuration or binding.</returns>
    public static OptionsBuilder<ScaneoAnnotationsOptions> AddScaneoAnnotations(this IServiceCollection services, Action<ScaneoAnnotationsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ScaneoAnnotationsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScaneoAnnotationsOptions>, ScaneoAnnotationsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AnnotationBuilder(sp.GetRequiredService<TimeProvider>(), Options(sp).Builder));
        services.TryAddSingleton(sp => new ScaneoImporter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ScaneoExporter(Options(sp).Scaneo));
        services.TryAddSingleton(sp => new CocoExporter(Options(sp).Coco, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new GeoPackageExporter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new StacExporter(Options(sp).Stac, sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnnotationExporter, ScaneoExporter>(sp => sp.GetRequiredService<ScaneoExporter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnnotationExporter, CocoExporter>(sp => sp.GetRequiredService<CocoExporter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnnotationExporter, GeoPackageExporter>(sp => sp.GetRequiredService<GeoPackageExporter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnnotationExporter, StacExporter>(sp => sp.GetRequiredService<StacExporter>()));
        return options;
    }

    private static ScaneoAnnotationsOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<ScaneoAnnotationsOptions>>().Value;
}
