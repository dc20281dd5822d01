using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>
/// The compact storage of pixel-corner rings (one integer per corner): every vertex reads back as the geotransform
/// of its corner, walked forwards or backwards, whatever else the chunk holds; rings that are not pixel-edge rings
/// are refused rather than stored wrongly.
/// </summary>
public sealed class PixelCornerSequenceTests
{
    private static readonly GeoTransform Rotated = new(500000, 10, 2, 4000000, -3, -10);

    [Property(MaxTest = 300)]
    public Property Read_AnyRectilinearRingsForwardsOrBackwards_GeotransformOfEachCorner() =>
        Prop.ForAll(Arb.From(Gen.ListOf(RingGen()).Where(r => r.Count > 0).Select(r => r.ToArray())), Arb.From(Gen.Elements(false, true)), (rings, backwards) =>
        {
            var chunk = new PixelCornerSequence.Chunk(rings.Sum(r => PixelCornerSequence.Chunk.Length(r.Length / 2)), Rotated);
            var sequences = rings.Select(r => new PixelCornerSequence(chunk, chunk.Append(r, r.Length / 2, backwards), r.Length / 2)).ToList();
            for (int k = 0; k < rings.Length; k++)
            {
                int[] ring = rings[k];
                int n = ring.Length / 2;
                PixelCornerSequence sequence = sequences[k];
                Assert.Equal(n + 1, sequence.Count);
                for (int i = 0; i <= n; i++)
                {
                    // The closing vertex repeats the first; walked backwards, corner i is corner n − i of the ring.
                    int corner = i == n ? 0 : backwards && i > 0 ? n - i : i;
                    double x = ring[2 * corner];
                    double y = ring[(2 * corner) + 1];
                    Assert.Equal(Rotated.C + (x * Rotated.A) + (y * Rotated.B), sequence.GetX(i));
                    Assert.Equal(Rotated.F + (x * Rotated.D) + (y * Rotated.E), sequence.GetY(i));
                }
            }

            return true;
        });

    [Fact]
    public void Append_CollinearCorner_ThrowsInvariant()
    {
        // (0,0) → (1,0) → (2,0) does not turn at (1,0).
        int[] ring = [0, 0, 1, 0, 2, 0, 2, 1, 0, 1, 0, 0];
        var chunk = new PixelCornerSequence.Chunk(16, GeoTransform.Identity);
        var e = Assert.Throws<InvalidOperationException>(() => chunk.Append(ring, 6, backwards: false));
        Assert.Contains("alternate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_RingsStartingWithEdgesOfBothDirections_ThrowsInvariant()
    {
        int[] horizontalFirst = [0, 0, 1, 0, 1, 1, 0, 1];
        int[] verticalFirst = [0, 0, 0, 1, 1, 1, 1, 0];
        var chunk = new PixelCornerSequence.Chunk(16, GeoTransform.Identity);
        chunk.Append(horizontalFirst, 4, backwards: false);
        Assert.Throws<InvalidOperationException>(() => chunk.Append(verticalFirst, 4, backwards: false));
    }

    [Fact]
    public void SetOrdinate_EditedVertex_ReadsBackAndLeavesTheChunk()
    {
        int[] square = [0, 0, 2, 0, 2, 2, 0, 2];
        var chunk = new PixelCornerSequence.Chunk(10, GeoTransform.Identity);
        var first = new PixelCornerSequence(chunk, chunk.Append(square, 4, backwards: false), 4);
        var second = new PixelCornerSequence(chunk, chunk.Append(square, 4, backwards: false), 4);
        first.SetOrdinate(2, 0, 7.5);
        Assert.Equal(7.5, first.GetX(2));
        Assert.Equal(2, first.GetY(2));
        Assert.Equal(2, second.GetX(2));
    }

    /// <summary>
    /// Rings of 2k corners along pixel edges, each turning: corner 2j is (x[j], y[j]) and corner 2j + 1 is
    /// (x[j + 1], y[j]), with neighbouring x (and y) values distinct around the ring. They may cross themselves: the
    /// storage does not care.
    /// </summary>
    private static Gen<int[]> RingGen() =>
        from k in Gen.Choose(2, 8)
        from xs in Gen.ArrayOf(Gen.Choose(-1000, 1000), k)
        from ys in Gen.ArrayOf(Gen.Choose(-1000, 1000), k)
        where Enumerable.Range(0, k).All(j => xs[j] != xs[(j + 1) % k] && ys[j] != ys[(j + 1) % k])
        select Enumerable.Range(0, k).SelectMany(j => new[] { xs[j], ys[j], xs[(j + 1) % k], ys[j] }).ToArray();
}
