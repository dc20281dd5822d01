using System.Buffers;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>
/// The polygonizer rents its temporary arrays from <see cref="ArrayPool{T}.Shared"/>: these tests fill the pool with
/// garbage between calls and check that no call reads stale data, that no array comes back to the pool twice, and
/// that the output never refers to rented memory.
/// </summary>
public sealed class MaskPolygonizerPoolingTests
{
    private const int Width = 97;
    private const int Height = 83;


    public static TheoryData<Connectivity, string, bool> Setups()
    {
        var data = new TheoryData<Connectivity, string, bool>();
        foreach (Connectivity connectivity in new[] { Connectivity.Four, Connectivity.Eight })
        {
            foreach (string post in new[] { "none", "sieve", "minimum-area", "all" })
            {
                data.Add(connectivity, post, false);
                data.Add(connectivity, post, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Setups))]
    public void Polygonize_DirtyPoolBetweenCalls_SameBytesAsFirstCallAndAsReference(Connectivity connectivity, string post, bool parallel)
    {
        byte[] noise = PolygonizeChecks.Noise(Width, Height, classes: 3, seed: 21);
        PolygonizeOptions options = Options(connectivity, post, parallel);

        DirtyThePool();
        var first = MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height), options);
        if (post is "none" or "minimum-area")
        {
            AssertMatchesFloodFill(noise, connectivity, post == "minimum-area" ? 2 : 0, first);
        }

        // Other masks leave their data in the arrays the next call rents: a larger noisier one, a tiny one.
        MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(151, 131, classes: 5, seed: 22), 151, 131), options);
        MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster([1, 1, 2, 0, 2, 2, 1, 1, 0, 0, 1, 2], 4, 3), options);
        DirtyThePool();
        var again = MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height), options);

        PolygonizeChecks.AssertSameOutput(first, again);
        PolygonizeChecks.AssertSameOutput(MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height), options with { MaxDegreeOfParallelism = 1, StripRows = 0 }), again);
        AssertNoArrayPooledTwice();
    }

    [Theory]
    [InlineData(Connectivity.Four, false)]
    [InlineData(Connectivity.Eight, false)]
    [InlineData(Connectivity.Four, true)]
    [InlineData(Connectivity.Eight, true)]
    public void PolygonizeStream_DisposedHalfWayThenFullRun_SameBytesAsCollected(Connectivity connectivity, bool parallel)
    {
        byte[] noise = PolygonizeChecks.Noise(Width, Height, classes: 3, seed: 23);
        var polygonizer = new MaskPolygonizer(Options(connectivity, "none", parallel));
        var expected = polygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height));

        // Disposed half-way: the enumerator's finally block returns the arrays; moving on after that ends cleanly.
        var taken = new List<PolygonizedRegion>();
        using (IEnumerator<PolygonizedRegion> e = polygonizer.PolygonizeStream(PolygonizeChecks.UtmRaster(noise, Width, Height)).GetEnumerator())
        {
            while (taken.Count < expected.Count / 2 && e.MoveNext())
            {
                taken.Add(e.Current);
            }

            e.Dispose();
            Assert.False(e.MoveNext());
        }

        // Checked before any other call could rent (and so hide) an array returned twice.
        AssertNoArrayPooledTwice();

        // Abandoned without disposal: its arrays are simply left to the garbage collector.
        IEnumerator<PolygonizedRegion> abandoned = polygonizer.PolygonizeStream(PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(151, 131, classes: 5, seed: 24), 151, 131)).GetEnumerator();
        Assert.True(abandoned.MoveNext());

        DirtyThePool();
        PolygonizeChecks.AssertSameOutput(expected.Take(taken.Count).ToList(), taken);
        PolygonizeChecks.AssertSameOutput(expected, polygonizer.PolygonizeStream(PolygonizeChecks.UtmRaster(noise, Width, Height)).ToList());
        AssertNoArrayPooledTwice();
        PolygonizeChecks.AssertSameOutput(expected, polygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height)));
        AssertNoArrayPooledTwice();
    }

    [Theory]
    [InlineData(Connectivity.Four, 0)]
    [InlineData(Connectivity.Eight, 0)]
    [InlineData(Connectivity.Four, 3)]
    [InlineData(Connectivity.Eight, 3)]
    public void Step_DirtyPool_HandsOutEachRegionRightAfterItsLastRow(Connectivity connectivity, long minimumPixels)
    {
        // Stale last rows would only delay regions, which the collected output cannot show: step row by row.
        byte[] noise = PolygonizeChecks.Noise(Width, Height, classes: 3, seed: 30);
        int[] labels = PolygonizeChecks.FloodLabels(noise, Width, Height, _ => true, connectivity == Connectivity.Eight, out int count);
        var lastRow = new int[count];
        var size = new long[count];
        for (int i = 0; i < labels.Length; i++)
        {
            lastRow[labels[i]] = i / Width;
            size[labels[i]]++;
        }

        DirtyThePool();
        RunTable runs = RunTable.Build<byte>(noise, Width, Height, default, new ValueFilter(null, null), eightConnected: false, CancellationToken.None);
        var engine = new PolygonizeEngine<byte>(new MaskBand<byte>(noise, 0, null, 0, Width, Height), runs, connectivity, new GeometryFactory(), GeoTransform.Identity, null, 0, minimumPixels);
        var output = new List<PolygonizedRegion>();
        int complete = 0;
        int handedOut = 0;
        for (int row = 1; row <= Height; row++)
        {
            engine.Step(output);

            // Regions come out in label order, each once every row it covers has been scanned.
            while (complete < count && lastRow[complete] < row)
            {
                handedOut += size[complete] >= minimumPixels ? 1 : 0;
                complete++;
            }

            Assert.Equal(handedOut, output.Count);
        }

        Assert.True(engine.Done);
        Assert.Equal(count, complete);
        engine.Release();
        runs.Release();
        AssertNoArrayPooledTwice();
    }

    [Fact]
    public void Step_AfterRelease_FailsInsteadOfReadingReusedArrays()
    {
        byte[] noise = PolygonizeChecks.Noise(Width, Height, classes: 3, seed: 31);
        RunTable runs = RunTable.Build<byte>(noise, Width, Height, default, new ValueFilter(null, null), eightConnected: false, CancellationToken.None);
        var engine = new PolygonizeEngine<byte>(new MaskBand<byte>(noise, 0, null, 0, Width, Height), runs, Connectivity.Eight, new GeometryFactory(), GeoTransform.Identity, null, 0, 0);
        var output = new List<PolygonizedRegion>();
        for (int row = 0; row < 5; row++)
        {
            engine.Step(output);
        }

        engine.Release();
        engine.Release();
        runs.Release();
        Assert.Throws<IndexOutOfRangeException>(() => engine.Step(output));
        AssertNoArrayPooledTwice();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Polygonize_CancelledMidTrace_ReturnsArraysOnceAndNextCallIsCorrect(bool parallel)
    {
        byte[] noise = PolygonizeChecks.Noise(Width, Height, classes: 3, seed: 25);
        PolygonizeOptions plain = Options(Connectivity.Eight, "all", parallel);
        var expected = MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height), plain);

        // The reprojection cancels the token after a few rings: the call fails between rows, after renting everything.
        using var cts = new CancellationTokenSource();
        var crs = CrsReference.FromEpsg(32631);
        var cancelling = new CancellingTransform(crs, cts, afterCalls: 50);
        var polygonizer = new MaskPolygonizer(plain with { MapTransform = cancelling });
        Assert.ThrowsAny<OperationCanceledException>(() => polygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height), cts.Token));
        Assert.True(cancelling.Calls >= 50);

        using var streamCts = new CancellationTokenSource();
        var streaming = new MaskPolygonizer(plain with { MapTransform = new CancellingTransform(crs, streamCts, afterCalls: 50) });
        Assert.ThrowsAny<OperationCanceledException>(() => streaming.PolygonizeStream(PolygonizeChecks.UtmRaster(noise, Width, Height), streamCts.Token).ToList());

        AssertNoArrayPooledTwice();
        DirtyThePool();
        PolygonizeChecks.AssertSameOutput(expected, MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, Width, Height), plain));
    }

    [Theory]
    [InlineData(Connectivity.Four, false)]
    [InlineData(Connectivity.Eight, false)]
    [InlineData(Connectivity.Four, true)]
    [InlineData(Connectivity.Eight, true)]
    public void Polygonize_OutputAfterFurtherCalls_GeometriesIntact(Connectivity connectivity, bool parallel)
    {
        byte[] noise = PolygonizeChecks.Noise(Width, Height, classes: 3, seed: 26);
        var raster = PolygonizeChecks.UtmRaster(noise, Width, Height);
        var kept = MaskPolygonizer.Polygonize(raster, Options(connectivity, "none", parallel));
        var writer = new WKBWriter();
        byte[][] bytes = kept.Select(r => writer.Write(r.Geometry)).ToArray();

        var streamed = new MaskPolygonizer(Options(connectivity, "none", parallel: false)).PolygonizeStream(raster).ToList();
        byte[][] streamedBytes = streamed.Select(r => writer.Write(r.Geometry)).ToArray();

        // Further calls of every kind rent and overwrite whatever the first ones might still point at.
        foreach (string post in new[] { "none", "sieve", "all" })
        {
            MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(151, 131, classes: 4, seed: 27), 151, 131), Options(connectivity, post, !parallel));
            MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(Width, Height, classes: 2, seed: 28), Width, Height), Options(connectivity, post, parallel));
        }

        DirtyThePool();
        foreach ((IReadOnlyList<PolygonizedRegion> regions, byte[][] before) in new[] { (kept, bytes), ((IReadOnlyList<PolygonizedRegion>)streamed, streamedBytes) })
        {
            double cell = Math.Abs(PolygonizeChecks.UtmTransform.Determinant);
            var areaPerClass = new Dictionary<int, double>();
            for (int i = 0; i < regions.Count; i++)
            {
                Assert.True(before[i].AsSpan().SequenceEqual(writer.Write(regions[i].Geometry)), $"region {i} changed after later calls");
                Assert.Equal(regions[i].PixelCount * cell, regions[i].Geometry.Area, 1e-6);
                areaPerClass[regions[i].Value] = areaPerClass.GetValueOrDefault(regions[i].Value) + regions[i].Geometry.Area;
            }

            for (int value = 0; value < 3; value++)
            {
                Assert.Equal(noise.Count(p => p == value) * cell, areaPerClass[value], 1e-3);
            }
        }
    }

    [Fact]
    public void RunTable_Release_LaterReadsFailAndSecondReleaseDoesNothing()
    {
        byte[] noise = PolygonizeChecks.Noise(40, 30, classes: 3, seed: 29);
        RunTable table = RunTable.Build<byte>(noise, 40, 30, default, new ValueFilter(null, null), eightConnected: false, CancellationToken.None);
        Assert.True(table.Count > 0 && table.LabelCount > 0);

        table.Release();
        Assert.Equal(0, table.Count);
        Assert.Equal(0, table.LabelCount);
        Assert.True(table.Start.IsEmpty && table.Label.IsEmpty);
        Assert.Empty(table.RowOffset);
        Assert.Empty(table.LabelPixels);
        Assert.Throws<IndexOutOfRangeException>(() => table.LabelOfRun(0));
        table.Release();
        AssertNoArrayPooledTwice();
    }

    [Fact]
    public void PooledArray_RentCleared_LogicalLengthZeroedAndReturnLeavesEmpty()
    {
        int[] dirty = ArrayPool<int>.Shared.Rent(1000);
        dirty.AsSpan().Fill(7);
        ArrayPool<int>.Shared.Return(dirty);

        int[] rented = PooledArray.Rent<int>(1000, clear: true);
        Assert.True(rented.Length >= 1000);
        Assert.All(rented.Take(1000), v => Assert.Equal(0, v));
        PooledArray.Return(ref rented);
        Assert.Empty(rented);
        PooledArray.Return(ref rented);

        Assert.Empty(PooledArray.Rent<long>(0, clear: true));
    }

    private static PolygonizeOptions Options(Connectivity connectivity, string post, bool parallel) => new()
    {
        Connectivity = connectivity,
        SieveThreshold = post is "sieve" or "all" ? 3 : 0,
        MinimumArea = post is "minimum-area" or "all" ? 2 : 0,
        FillHolesBelow = post == "all" ? 2 : 0,
        MaxDegreeOfParallelism = parallel ? 2 : 1,
        StripRows = parallel ? 9 : 0,
    };

    /// <summary>
    /// Fills pooled arrays of every element type and size the polygonizer rents on these masks with values that are
    /// wrong wherever it relies on zeroed memory: ones, set flags, full bitmaps, stale rings.
    /// </summary>
    private static void DirtyThePool()
    {
        LinearRing stale = new GeometryFactory().CreateLinearRing([new(0, 0), new(1, 0), new(1, 1), new(0, 0)]);
        Dirty(77);
        Dirty(77L);
        Dirty(ulong.MaxValue);
        Dirty(true);
        Dirty((byte)1);
        Dirty<LinearRing?>(stale);
    }

    private static void Dirty<T>(T garbage)
    {
        for (int size = 16; size <= 1 << 14; size <<= 1)
        {
            var arrays = new T[8][];
            for (int i = 0; i < arrays.Length; i++)
            {
                arrays[i] = ArrayPool<T>.Shared.Rent(size);
                arrays[i].AsSpan().Fill(garbage);
            }

            foreach (T[] array in arrays)
            {
                ArrayPool<T>.Shared.Return(array, clearArray: false);
            }
        }
    }

    /// <summary>
    /// Rents arrays of each size the polygonizer uses here until the pool has surely handed out everything returned
    /// since the last check, and fails if one comes out twice, which only happens when it was returned twice.
    /// </summary>
    /// <remarks>
    /// The arrays are dropped rather than returned: a full pool discards what is returned to it, so refilling it
    /// would hide the second copy of an array returned twice. Byte and bool arrays are returned by the same release
    /// methods as these.
    /// </remarks>
    private static void AssertNoArrayPooledTwice()
    {
        Distinct<int>();
        Distinct<long>();
        Distinct<ulong>();
        Distinct<LinearRing?>();
    }

    private static void Distinct<T>()
    {
        for (int size = 16; size <= 1 << 14; size <<= 1)
        {
            var seen = new HashSet<T[]>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < 48; i++)
            {
                T[] array = ArrayPool<T>.Shared.Rent(size);
                Assert.True(seen.Add(array), $"a {typeof(T).Name}[{array.Length}] was in the pool twice");
            }
        }
    }

    private static void AssertMatchesFloodFill(byte[] pixels, Connectivity connectivity, long minimumPixels, IReadOnlyList<PolygonizedRegion> regions)
    {
        int[] labels = PolygonizeChecks.FloodLabels(pixels, Width, Height, _ => true, connectivity == Connectivity.Eight, out int count);
        var size = new long[count];
        var value = new int[count];
        for (int i = 0; i < labels.Length; i++)
        {
            size[labels[i]]++;
            value[labels[i]] = pixels[i];
        }

        var kept = Enumerable.Range(0, count).Where(l => size[l] >= minimumPixels).ToList();
        Assert.Equal(kept.Count, regions.Count);
        double cell = Math.Abs(PolygonizeChecks.UtmTransform.Determinant);
        for (int k = 0; k < kept.Count; k++)
        {
            Assert.Equal(value[kept[k]], regions[k].Value);
            Assert.Equal(size[kept[k]], regions[k].PixelCount);
            Assert.Equal(size[kept[k]] * cell, regions[k].Geometry.Area, 1e-6);
        }
    }

    /// <summary>A reprojection (a shift) that cancels a token after a number of calls.</summary>
    private sealed class CancellingTransform(CrsReference source, CancellationTokenSource cts, int afterCalls) : IMapTransform
    {
        private int _calls;

        public CrsReference Source { get; } = source;

        public CrsReference Target { get; } = CrsReference.FromEpsg(4326);

        public int Calls => _calls;

        public (double X, double Y) Transform(double x, double y) => (x * 1e-5, y * 1e-5);

        public void Transform(Span<double> x, Span<double> y)
        {
            if (Interlocked.Increment(ref _calls) == afterCalls)
            {
                cts.Cancel();
            }

            for (int i = 0; i < x.Length; i++)
            {
                (x[i], y[i]) = Transform(x[i], y[i]);
            }
        }
    }
}
