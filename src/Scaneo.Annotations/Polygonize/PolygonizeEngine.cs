using System.Numerics;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The single-pass polygonizer over one labelled band: scans rows, traces each ring from the first eastward
/// segment met in row-major order, builds NTS rings straight from the traced corners, and hands out regions
/// as soon as their last row has been scanned, in the order of their first pixel.
/// </summary>
internal sealed class PolygonizeEngine<T>
    where T : unmanaged, IBinaryInteger<T>
{
    private static readonly LinearRing[] NoHoles = [];

    private readonly T[] _data;
    private readonly int _offset;
    private readonly RunTable _runs;
    private readonly RingTracer<T> _tracer;
    private readonly ulong[] _visited;
    private readonly GeometryFactory _factory;
    private readonly GeoTransform _gt;
    private readonly bool _reverse;
    private readonly IMapTransform? _reprojection;
    private readonly long _fillHolesBelow;
    private readonly bool[] _skipLabel;

    // Per label: its exterior ring and a singly linked list of holes, in the order they were found.
    private readonly LinearRing?[] _shell;
    private readonly int[] _firstHole;
    private readonly int[] _lastHole;
    private readonly List<LinearRing> _holes = [];
    private readonly List<int> _holeNext = [];

    // Groups (8-connectivity joins labels touching at corners; 4-connectivity: one label per group).
    private readonly int _groupCount;
    private readonly int[] _groupMemberStart;
    private readonly int[] _groupMembers;
    private readonly int[] _groupLastRow;
    private readonly long[] _groupPixels;
    private readonly bool[] _groupSkipped;
    private int _nextGroup;
    private int _row;
    private const int MaxChunk = 1 << 16;
    private double[] _chunk = [];
    private int _chunkUsed;
    private double[] _scratchX = [];
    private double[] _scratchY = [];

    public PolygonizeEngine(T[] data, int offset, byte[]? validity, int validityOffset, RunTable runs, Connectivity connectivity, GeometryFactory factory, GeoTransform gt, IMapTransform? reprojection, long fillHolesBelow, long minimumPixels)
    {
        _data = data;
        _offset = offset;
        _runs = runs;
        _tracer = new RingTracer<T>(data, offset, validity, validityOffset, runs);
        _visited = new ulong[(((long)runs.Width * runs.Height) + 63) >> 6];
        _factory = factory;
        _gt = gt;
        _reverse = gt.Determinant < 0;
        _reprojection = reprojection;
        _fillHolesBelow = fillHolesBelow;
        int labels = runs.LabelCount;
        _shell = new LinearRing?[labels];
        _firstHole = new int[labels];
        _lastHole = new int[labels];
        Array.Fill(_firstHole, -1);

        int[] group;
        if (connectivity == Connectivity.Eight)
        {
            group = runs.DiagonalGroups(out _groupCount);
        }
        else
        {
            _groupCount = labels;
            group = new int[labels];
            for (int l = 0; l < labels; l++)
            {
                group[l] = l;
            }
        }

        // Members of each group in label order (counting sort keeps the order of first pixels).
        _groupMemberStart = new int[_groupCount + 1];
        foreach (int g in group)
        {
            _groupMemberStart[g + 1]++;
        }

        for (int g = 0; g < _groupCount; g++)
        {
            _groupMemberStart[g + 1] += _groupMemberStart[g];
        }

        _groupMembers = new int[labels];
        var fill = new int[_groupCount];
        _groupLastRow = new int[_groupCount];
        _groupPixels = new long[_groupCount];
        for (int l = 0; l < labels; l++)
        {
            int g = group[l];
            _groupMembers[_groupMemberStart[g] + fill[g]++] = l;
            _groupLastRow[g] = Math.Max(_groupLastRow[g], runs.LabelLastRow[l]);
            _groupPixels[g] += runs.LabelPixels[l];
        }

        _groupSkipped = new bool[_groupCount];
        _skipLabel = new bool[labels];
        if (minimumPixels > 0)
        {
            for (int g = 0; g < _groupCount; g++)
            {
                if (_groupPixels[g] < minimumPixels)
                {
                    _groupSkipped[g] = true;
                    for (int m = _groupMemberStart[g]; m < _groupMemberStart[g + 1]; m++)
                    {
                        _skipLabel[_groupMembers[m]] = true;
                    }
                }
            }
        }
    }

    /// <summary>Gets a value indicating whether every row has been scanned and every region handed out.</summary>
    public bool Done => _row >= _runs.Height && _nextGroup >= _groupCount;

    /// <summary>Scans the next row and appends the regions completed by it.</summary>
    public void Step(List<PolygonizedRegion> output)
    {
        if (_row < _runs.Height)
        {
            ScanRow(_row);
            _row++;
        }

        while (_nextGroup < _groupCount && (_groupLastRow[_nextGroup] < _row || _row >= _runs.Height))
        {
            Emit(_nextGroup, output);
            _nextGroup++;
        }
    }

    private void ScanRow(int row)
    {
        RunTable runs = _runs;
        ReadOnlySpan<int> start = runs.Start;
        ReadOnlySpan<int> end = runs.End;
        ReadOnlySpan<int> value = runs.Value;
        ReadOnlySpan<int> label = runs.Label;
        int first = runs.RowOffset[row];
        int last = runs.RowOffset[row + 1];
        int k = row > 0 ? runs.RowOffset[row - 1] : 0;
        int kEnd = first;
        long rowBase = (long)row * runs.Width;
        for (int j = first; j < last; j++)
        {
            int l = label[j];
            int s = start[j];
            int e = end[j];
            if (row > 0)
            {
                while (k < kEnd && end[k] <= s)
                {
                    k++;
                }
            }

            if (l < 0 || _skipLabel[l])
            {
                continue;
            }

            if (row == 0)
            {
                TraceIfNew(row, s, l, rowBase);
                continue;
            }

            // Top-boundary intervals: columns whose upper neighbour is not the same (valid) value. Each maximal
            // interval is one straight eastward segment of exactly one ring, so only its first column is checked.
            bool inBoundary = false;
            int v = value[j];
            for (int q = k; q < kEnd && start[q] < e; q++)
            {
                bool same = label[q] >= 0 && value[q] == v;
                if (!same && !inBoundary)
                {
                    TraceIfNew(row, Math.Max(s, start[q]), l, rowBase);
                }

                inBoundary = !same;
            }
        }
    }

    private void TraceIfNew(int row, int column, int label, long rowBase)
    {
        if (RingTracer<T>.IsVisited(_visited, rowBase + column))
        {
            return;
        }

        T value = _data[_offset + (int)rowBase + column];
        int n = _tracer.Trace(row, column, value, label, _visited, out long area2);
        if (area2 > 0)
        {
            _shell[label] = MakeRing(_tracer.Vertices, n, exterior: true);
        }
        else
        {
            if (-area2 < 2 * _fillHolesBelow)
            {
                return;
            }

            int index = _holes.Count;
            _holes.Add(MakeRing(_tracer.Vertices, n, exterior: false));
            _holeNext.Add(-1);
            if (_firstHole[label] < 0)
            {
                _firstHole[label] = index;
            }
            else
            {
                _holeNext[_lastHole[label]] = index;
            }

            _lastHole[label] = index;
        }
    }

    private LinearRing MakeRing(int[] vertices, int n, bool exterior)
    {
        int length = (n + 1) * 2;
        if (_chunkUsed + length > _chunk.Length)
        {
            // Rings are packed into shared chunks that grow up to the large-object heap, where the garbage
            // collector does not copy them; a ring larger than a chunk gets its own.
            _chunk = new double[Math.Max(length, Math.Min(MaxChunk, Math.Max(1024, _chunk.Length * 2)))];
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
        if (_reprojection is not null)
        {
            Reproject(coords, n + 1, exterior);
        }

        return _factory.CreateLinearRing(new SliceCoordinateSequence(_chunk, offset, n + 1));
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

        _reprojection!.Transform(_scratchX.AsSpan(0, count), _scratchY.AsSpan(0, count));
        for (int i = 0; i < count; i++)
        {
            coords[2 * i] = _scratchX[i];
            coords[(2 * i) + 1] = _scratchY[i];
        }

        RingOrientation.Orient(coords, count, exterior);
    }

    private void Emit(int group, List<PolygonizedRegion> output)
    {
        if (_groupSkipped[group])
        {
            return;
        }

        int from = _groupMemberStart[group];
        int to = _groupMemberStart[group + 1];
        Geometry geometry;
        if (to - from == 1)
        {
            geometry = BuildPolygon(_groupMembers[from]);
        }
        else
        {
            var parts = new Polygon[to - from];
            for (int m = from; m < to; m++)
            {
                parts[m - from] = BuildPolygon(_groupMembers[m]);
            }

            geometry = _factory.CreateMultiPolygon(parts);
        }

        output.Add(new PolygonizedRegion(_runs.LabelValue[_groupMembers[from]], geometry, _groupPixels[group]));
    }

    private Polygon BuildPolygon(int label)
    {
        LinearRing shell = _shell[label] ?? throw new InvalidOperationException("Polygonizer invariant broken: a component has no exterior ring.");
        _shell[label] = null;
        int h = _firstHole[label];
        if (h < 0)
        {
            return _factory.CreatePolygon(shell, NoHoles);
        }

        int count = 0;
        for (int i = h; i >= 0; i = _holeNext[i])
        {
            count++;
        }

        var holes = new LinearRing[count];
        count = 0;
        for (int i = h; i >= 0; i = _holeNext[i])
        {
            holes[count++] = _holes[i];
            _holes[i] = null!;
        }

        return _factory.CreatePolygon(shell, holes);
    }
}
