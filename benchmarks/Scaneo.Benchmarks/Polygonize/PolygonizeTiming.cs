using System.Diagnostics;
using Scaneo.Annotations.Polygonize;

namespace Scaneo.Benchmarks.Polygonize;

/// <summary>
/// Times single polygonize calls on a benchmark mask. <see cref="AbComparison"/> loads this class from two builds
/// side by side and calls both in alternation, so it must keep its name and signature across commits. Set
/// <c>SCANEO_AB_CONNECTIVITY=8</c> to time 8-connected calls.
/// </summary>
public static class PolygonizeTiming
{
    /// <summary>Builds the mask once and returns a call that polygonizes it and gives the elapsed milliseconds.</summary>
    /// <param name="maskName">One of the <see cref="PolygonizeMasks"/> names, e.g. noise_1024.</param>
    /// <returns>The timed call.</returns>
    public static Func<double> Create(string maskName)
    {
        var mask = PolygonizeMasks.Create(maskName);
        var options = new PolygonizeOptions
        {
            Connectivity = Environment.GetEnvironmentVariable("SCANEO_AB_CONNECTIVITY") == "8" ? Connectivity.Eight : Connectivity.Four,
        };
        return () =>
        {
            long start = Stopwatch.GetTimestamp();
            var regions = MaskPolygonizer.Polygonize(mask, options);
            double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            GC.KeepAlive(regions);
            return milliseconds;
        };
    }
}
