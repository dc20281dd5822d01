using BenchmarkDotNet.Attributes;
using Scaneo.Annotations.Polygonize;
using Scaneo.Rasters;

namespace Scaneo.Benchmarks.Polygonize;

/// <summary>
/// Mask → NTS polygons, in memory, single thread unless stated, on the four mask kinds of the anchors (GDAL 3.6 GDALPolygonize:
/// landcover_2048 1.93 s, noise_1024 1.30 s, roads_4096 3.50 s, tile_10980 19.2 s; OpenCV findContours 0.16 / 0.27 /
/// 0.32 / 2.74 s). Run: <c>dotnet run -c Release --project benchmarks/Scaneo.Benchmarks -- --filter '*PolygonizeBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PolygonizeBenchmarks
{
    private RasterBuffer<byte> _mask = null!;

    /// <summary>Gets the benchmark masks' names.</summary>
    public static IEnumerable<string> Masks => PolygonizeMasks.Kinds;

    [ParamsSource(nameof(Masks))]
    public string Mask { get; set; } = "noise_1024";

    [GlobalSetup]
    public void Setup() => _mask = PolygonizeMasks.Create(Mask);

    /// <summary>The default call: the scanline engine on masks of short runs (noise), the tracing engine on the others.</summary>
    [Benchmark(Baseline = true)]
    public int FourConnected() => MaskPolygonizer.Polygonize(_mask).Count;

    /// <summary>
    /// The same regions streamed to a consumer that reads each polygon and keeps none, as a writer of features does:
    /// every NTS object is built, but none outlives its region, so the garbage collector never has to mark or promote
    /// the whole output (which is most of <see cref="FourConnected"/>'s time on noise, see PolygonizeOutputFloorBenchmarks).
    /// </summary>
    [Benchmark]
    public long FourConnectedStreamed()
    {
        long seen = 0;
        foreach (PolygonizedRegion region in new MaskPolygonizer().PolygonizeStream(_mask))
        {
            seen += region.PixelCount + region.Geometry.NumPoints;
        }

        return seen;
    }

    [Benchmark]
    public int EightConnected() => MaskPolygonizer.Polygonize(_mask, new PolygonizeOptions { Connectivity = Connectivity.Eight }).Count;

    /// <summary>The tracing engine forced on every mask (labels the whole band, then traces); output identical to <see cref="FourConnected"/>.</summary>
    [Benchmark]
    public int FourConnectedTracing() => MaskPolygonizer.Polygonize(_mask, new PolygonizeOptions { UseScanline = false }).Count;

    /// <summary>The scanline engine forced on every mask (working memory follows the open part of the mask); output identical to <see cref="FourConnected"/>.</summary>
    [Benchmark]
    public int FourConnectedScanline() => MaskPolygonizer.Polygonize(_mask, new PolygonizeOptions { UseScanline = true }).Count;

    /// <summary>The parallel mode on two threads (strips merged at seams; output identical to <see cref="FourConnected"/>).</summary>
    [Benchmark]
    public int Parallel() => MaskPolygonizer.Polygonize(_mask, new PolygonizeOptions { MaxDegreeOfParallelism = 2 }).Count;

    /// <summary>The parallel mode on two threads, 8-connected (output identical to <see cref="EightConnected"/>).</summary>
    [Benchmark]
    public int ParallelEightConnected() => MaskPolygonizer.Polygonize(_mask, new PolygonizeOptions { MaxDegreeOfParallelism = 2, Connectivity = Connectivity.Eight }).Count;
}
