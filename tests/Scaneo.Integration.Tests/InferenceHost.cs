using Microsoft.Extensions.DependencyInjection;
using Scaneo.Geo;
using Scaneo.Inference;
using Scaneo.Rasters;

namespace Scaneo.Integration.Tests;

/// <summary>The inference clients as a host gets them: <c>AddScaneoInference</c> with the standard resilience handler.</summary>
internal static class InferenceHost
{
    public static string SamplePath { get; } = Path.Combine(AppContext.BaseDirectory, "data", "L7_ETMs.tif");

    public static ServiceProvider Create(Action<InferenceOptions>? configure = null, Action<IScaneoInferenceBuilder>? builder = null)
    {
        var services = new ServiceCollection();
        var inference = services.AddScaneoInference(o =>
        {
            // Short timeouts and backoff keep the fault tests fast; the behaviour is the production pipeline's.
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetryAttempts = 2;
            configure?.Invoke(o);
        });
        builder?.Invoke(inference);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Raster Sample() => RasterFile.Read(SamplePath);

    /// <summary>A small 6-band Landsat-like image (left half water, right half vegetation), for fault tests.</summary>
    public static RasterBuffer<byte> Small(int width = 32, int height = 24)
    {
        var image = new RasterBuffer<byte>(width, height, 6, new GeoTransform(500000, 10, 0, 4000000, 0, -10), CrsReference.FromEpsg(32631));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte[] pixel = x < width / 2 ? [90, 80, 50, 20, 10, 5] : [40, 50, 30, 120, 60, 30];
                for (int b = 0; b < 6; b++)
                {
                    image[b, y, x] = pixel[b];
                }
            }
        }

        return image;
    }

    public static ModelDefinition Model(string name, Uri endpoint, ModelTask task, IEnumerable<string>? preprocessing = null, IEnumerable<string>? postprocessing = null) =>
        new(name, endpoint, task, preprocessing: preprocessing, postprocessing: postprocessing, outputNames: ["water", "vegetation", "built-up"]);
}
