using Microsoft.Extensions.DependencyInjection;
using Scaneo.Inference.Processing;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Processing;

public class CustomStepTests
{
    [Fact]
    public void AddPreprocessingStep_RegisteredThroughDi_IsCreatedByName()
    {
        var services = new ServiceCollection();
        services.AddScaneoInference().AddPreprocessingStep("Invert", spec => image =>
        {
            var src = (RasterBuffer<byte>)image;
            return new RasterBuffer<byte>([.. src.GetArray().Select(v => (byte)(255 - v))], src.Width, src.Height, src.BandCount);
        });
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<ProcessingStepRegistry>();
        Assert.Contains("Invert", registry.KnownSteps);
        var result = (RasterBuffer<byte>)registry.CreatePreprocessing("invert").Apply(new RasterBuffer<byte>([0, 200], 2, 1));
        Assert.Equal([255, 55], result.Data.ToArray());
    }
}
