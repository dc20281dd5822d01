using BenchmarkDotNet.Attributes;
using Scaneo.Annotations.Polygonize;
using Scaneo.Rasters;

namespace Scaneo.Benchmarks.Polygonize;

/// <summary>
/// The most any split into two strips could gain on a mask: its top and bottom halves, cut apart beforehand into two
/// masks, polygonized by two independent sequential calls on two threads, against the whole mask on one thread. No
/// seam is merged and no region crosses one, so no strip scheme can beat <see cref="HalvesOnTwoThreads"/>. On noise
/// the collections of the output objects, which stop both threads, bound it. Run:
/// <c>dotnet run -c Release --project benchmarks/Scaneo.Benchmarks -- --filter '*PolygonizeTwoThreadBound*' --job medium --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class PolygonizeTwoThreadBoundBenchmarks
{
    private RasterBuffer<byte> _mask = null!;
    private RasterBuffer<byte> _top = null!;
    private RasterBuffer<byte> _bottom = null!;

    [Params("noise_1024")]
    public string Mask { get; set; } = "noise_1024";

    [GlobalSetup]
    public void Setup()
    {
        _mask = PolygonizeMasks.Create(Mask);
        byte[] data = _mask.GetArray();
        int width = _mask.Width;
        int half = _mask.Height / 2;
        _top = new RasterBuffer<byte>(data[..(width * half)], width, half, geoTransform: _mask.GeoTransform, crs: _mask.Crs);
        _bottom = new RasterBuffer<byte>(data[(width * half)..], width, _mask.Height - half, geoTransform: _mask.GeoTransform, crs: _mask.Crs);
    }

    /// <summary>The default call on the whole mask, on the calling thread.</summary>
    [Benchmark(Baseline = true)]
    public int WholeMaskOneThread() => MaskPolygonizer.Polygonize(_mask).Count;

    /// <summary>The two halves as separate masks, one default call each, on two threads at once.</summary>
    [Benchmark]
    public int HalvesOnTwoThreads()
    {
        int top = 0;
        int bottom = 0;
        System.Threading.Tasks.Parallel.Invoke(
            () => top = MaskPolygonizer.Polygonize(_top).Count,
            () => bottom = MaskPolygonizer.Polygonize(_bottom).Count);
        return top + bottom;
    }
}
