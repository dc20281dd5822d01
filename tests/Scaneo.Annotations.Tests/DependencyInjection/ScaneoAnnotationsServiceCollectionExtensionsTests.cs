using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.DependencyInjection;
using Scaneo.Annotations.Exports;

namespace Scaneo.Annotations.Tests.DependencyInjection;

public class ScaneoAnnotationsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddScaneoAnnotations_RegistersBuilderExportersAndSystemClock()
    {
        using var provider = new ServiceCollection().AddScaneoAnnotations().Services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<AnnotationBuilder>());
        Assert.NotNull(provider.GetRequiredService<ScaneoImporter>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(["scaneo", "coco", "geopackage", "stac"], provider.GetServices<IAnnotationExporter>().Select(e => e.Format));
    }

    [Fact]
    public void AddScaneoAnnotations_KeepsAnExistingTimeProviderAndIsIdempotent()
    {
        var clock = new FakeTimeProvider(TestData.Now);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddScaneoAnnotations();
        services.AddScaneoAnnotations();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(4, provider.GetServices<IAnnotationExporter>().Count());
    }

    [Fact]
    public void AddScaneoAnnotations_InvalidOptions_FailValidationWithEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddScaneoAnnotations(o =>
            {
                o.Builder.MinimumDetectionScore = double.NaN;
                o.MergePolicy = (AnnotationMergePolicy)42;
                o.Stac.License = " ";
            })
            .Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScaneoAnnotationsOptions>>().Value);
        Assert.Equal(3, ex.Failures.Count());
    }
}
