using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace Scaneo.Benchmarks.ActiveLearning;

/// <summary>
/// The least any map over 5 × 2048 × 2048 float32 scores can cost on this machine: read the five class planes
/// (84 MB) and write one float per pixel (16 MB), with only a lane-wise maximum in between — least confidence of
/// probabilities without validation, nodata, statistics or exact fallbacks. It bounds how far any uncertainty
/// measure can beat numpy's <c>1 − p.max(axis=0)</c>, which does the same work on one thread (docs/performance.md).
/// Same pixel blocks and thread count as <c>UncertaintyMapBuilder</c>.
/// </summary>
[MinColumn]
[MedianColumn]
public class MemoryFloorBenchmarks
{
    private const int Side = 2048;
    private const int Classes = 5;
    private const int Plane = Side * Side;
    private const int BlockPixels = 1 << 16;
    private float[] _scores = null!;
    private float[] _map = null!;

    /// <summary>Fills the planes with values in [0, 1).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _scores = new float[Plane * Classes];
        for (int i = 0; i < _scores.Length; i++)
        {
            _scores[i] = rng.NextSingle();
        }

        _map = new float[Plane];
    }

    /// <summary>1 − max over the classes into a preallocated map, blocks of 64 K pixels on all cores.</summary>
    /// <returns>One map value, so the work cannot be dropped.</returns>
    [Benchmark]
    public float ReadFivePlanesWriteOne()
    {
        Parallel.For(0, Plane / BlockPixels, block => OneMinusMax(block * BlockPixels, (block + 1) * BlockPixels));
        return _map[Plane / 2];
    }

    /// <summary>The same on one thread, the way numpy runs.</summary>
    /// <returns>One map value, so the work cannot be dropped.</returns>
    [Benchmark]
    public float ReadFivePlanesWriteOneSingleThread()
    {
        OneMinusMax(0, Plane);
        return _map[Plane / 2];
    }

    private void OneMinusMax(int from, int to)
    {
        ref float scores = ref MemoryMarshal.GetArrayDataReference(_scores);
        ref float map = ref MemoryMarshal.GetArrayDataReference(_map);
        for (int i = from; i < to; i += Vector<float>.Count)
        {
            Vector<float> max = Vector.LoadUnsafe(ref scores, (nuint)i);
            for (int c = 1; c < Classes; c++)
            {
                max = Vector.MaxNative(max, Vector.LoadUnsafe(ref scores, (nuint)(i + (c * Plane))));
            }

            (Vector<float>.One - max).StoreUnsafe(ref map, (nuint)i);
        }
    }
}
