using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// Turns traced pixel-corner rings into NTS rings: corners mapped through the geotransform (kept as integers until
/// read when there is no reprojection, see <see cref="PixelCornerSequence"/>), walked backwards when the transform
/// mirrors the plane, and reprojected vertex by vertex when asked. Rings are packed into shared chunks that belong
/// to the output, never to a pool.
/// </summary>
internal sealed class RingWriter
{
    // Chunks double from a few kilobytes up to 1 MB, so a mask with few regions holds little and a noisy one puts its
    // coordinates on the large-object heap. There the garbage collector never copies them: with chunks below the
    // 85,000-byte threshold, every gen0 and gen1 collection during a call copied the coordinates traced so far
    // (ab-compare, default GC: roads 0.93×, noise 0.94× the time, landcover within noise).
    private const int MinChunkDoubles = 1024;
    private const int MaxChunkDoubles = 1 << 17;
    private const int MinCornerChunkInts = 2048;
    private const int MaxCornerChunkInts = 1 << 18;

    private readonly GeometryFactory _factory;
    private readonly GeoTransform _gt;
    private readonly bool _reverse;
    private readonly IMapTransform? _reprojection;
    private readonly object? _reprojectionLock;
    private double[] _chunk = [];
    private int _chunkUsed;
    private PixelCornerSequence.Chunk? _corners;
    private double[] _scratchX = [];
    private double[] _scratchY = [];

    /// <summary>Initializes a writer; <paramref name="reprojectionLock"/>, when given, serializes calls to the reprojection (user code that need not be thread-safe).</summary>
    public RingWriter(GeometryFactory factory, GeoTransform gt, IMapTransform? reprojection, object? reprojectionLock)
    {
        _factory = factory;
        _gt = gt;
        _reverse = gt.Determinant < 0;
        _reprojection = reprojection;
        _reprojectionLock = reprojectionLock;
    }

    /// <summary>Builds a closed ring from <paramref name="n"/> traced corners, (x, y) pairs in pixel coordinates with the component on the left.</summary>
    public LinearRing MakeRing(int[] vertices, int n, bool exterior)
    {
        if (_reprojection is null)
        {
            return MakeCornerRing(vertices, n);
        }

        int length = (n + 1) * 2;
        if (_chunkUsed + length > _chunk.Length)
        {
            // A ring larger than a chunk gets its own array.
            // Uninitialized: every element is written before a sequence can read it.
            _chunk = GC.AllocateUninitializedArray<double>(Math.Max(length, Math.Min(MaxChunkDoubles, Math.Max(MinChunkDoubles, _chunk.Length * 2))));
            _chunkUsed = 0;
        }

        int offset = _chunkUsed;
        Span<double> coords = _chunk.AsSpan(offset, length);
        _chunkUsed += length;
        GeoTransform gt = _gt;
        double c = gt.C, a = gt.A, b = gt.B, f = gt.F, d = gt.D, e = gt.E;
        if (_reverse)
        {
            // Affine maps with a negative determinant mirror the plane: walk the corners backwards so that
            // exteriors stay counter-clockwise in map coordinates.
            coords[0] = c + (vertices[0] * a) + (vertices[1] * b);
            coords[1] = f + (vertices[0] * d) + (vertices[1] * e);
            for (int i = 1; i < n; i++)
            {
                int src = (n - i) * 2;
                double x = vertices[src];
                double y = vertices[src + 1];
                coords[2 * i] = c + (x * a) + (y * b);
                coords[(2 * i) + 1] = f + (x * d) + (y * e);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                double x = vertices[2 * i];
                double y = vertices[(2 * i) + 1];
                coords[2 * i] = c + (x * a) + (y * b);
                coords[(2 * i) + 1] = f + (x * d) + (y * e);
            }
        }

        coords[2 * n] = coords[0];
        coords[(2 * n) + 1] = coords[1];
        Reproject(coords, n + 1, exterior);
        return _factory.CreateLinearRing(new SliceCoordinateSequence(_chunk, offset, n + 1));
    }

    /// <summary>A ring without reprojection: its corners stay integers until read (see <see cref="PixelCornerSequence"/>).</summary>
    private LinearRing MakeCornerRing(int[] vertices, int n)
    {
        int length = PixelCornerSequence.Chunk.Length(n);
        PixelCornerSequence.Chunk? chunk = _corners;
        if (chunk is null || chunk.Used + length > chunk.Corners.Length)
        {
            int previous = chunk?.Corners.Length ?? 0;
            chunk = new PixelCornerSequence.Chunk(Math.Max(length, Math.Min(MaxCornerChunkInts, Math.Max(MinCornerChunkInts, previous * 2))), _gt);
            _corners = chunk;
        }

        // Affine maps with a negative determinant mirror the plane: the corners are walked backwards so that
        // exteriors stay counter-clockwise in map coordinates.
        int offset = chunk.Append(vertices, n, backwards: _reverse);
        return _factory.CreateLinearRing(new PixelCornerSequence(chunk, offset, n));
    }

    private void Reproject(Span<double> coords, int count, bool exterior)
    {
        if (_scratchX.Length < count)
        {
            _scratchX = new double[Math.Max(count, _scratchX.Length * 2)];
            _scratchY = new double[_scratchX.Length];
        }

        for (int i = 0; i < count; i++)
        {
            _scratchX[i] = coords[2 * i];
            _scratchY[i] = coords[(2 * i) + 1];
        }

        object? gate = _reprojectionLock;
        if (gate is null)
        {
            _reprojection!.Transform(_scratchX.AsSpan(0, count), _scratchY.AsSpan(0, count));
        }
        else
        {
            lock (gate)
            {
                _reprojection!.Transform(_scratchX.AsSpan(0, count), _scratchY.AsSpan(0, count));
            }
        }

        for (int i = 0; i < count; i++)
        {
            coords[2 * i] = _scratchX[i];
            coords[(2 * i) + 1] = _scratchY[i];
        }

        RingOrientation.Orient(coords, count, exterior);
    }
}
