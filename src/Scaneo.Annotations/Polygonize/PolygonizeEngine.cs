using System.Numerics;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The polygonizer over one labelled band: scans rows, traces each ring from the first eastward segment met in
/// row-major order, builds NTS rings straight from the traced corners, and hands out regions in the order of their
/// first pixel. Sequentially (<see cref="Step"/>) a region is handed out as soon as its last row has been scanned;
/// in parallel (<see cref="RunParallel"/>) horizontal strips are scanned at once and the output is the same.
/// </summary>
/// <remarks>
/// A ring belongs to the strip holding its first eastward segment in row-major order (its canonical start), so
/// every ring is built exactly once and starts at the same corner as in a sequential scan; a strip that meets a
/// ring starting above it gives it up (see <see cref="RingTracer{T}"/>). Holes are attached to their component in
/// the row-major order of their canonical starts, which the strip order followed by each strip's scan order is.
/// <para>
/// The per-label, per-group and per-strip arrays are rented (see <see cref="PooledArray"/>) and indexed only up to
/// their logical lengths; the owner calls <see cref="Release"/> once the output is complete. The output never refers
/// to them: rings are built into their own corner chunks.
/// </para>
/// </remarks>
internal sealed class PolygonizeEngine<T> : IRegionEngine
    where T : unmanaged, IBinaryInteger<T>
{
    private static readonly LinearRing[] NoHoles = [];

    private readonly MaskBand<T> _band;
    private readonly RunTable _runs;
    private readonly GeometryFactory _factory;
    private readonly GeoTransform _gt;
    private readonly IMapTransform? _reprojection;
    private readonly long _fillHolesBelow;

    private bool[]? _skipLabel;

    // Per label: its exterior ring and a singly linked list of holes, in the order they were found.
    private LinearRing?[] _shell;
    private int[] _firstHole;
    private int[] _lastHole;
    private readonly List<LinearRing> _holes = [];
    private readonly List<int> _holeNext = [];

    // Groups (8-connectivity joins labels touching at corners). With 4-connectivity a group is a label, the member
    // arrays stay null, the last rows and pixel counts are the run table's own (not the engine's to return) and the
    // skipped groups are the skipped labels.
    private readonly int _groupCount;
    private int[]? _groupMemberStart;
    private int[]? _groupMembers;
    private int[] _groupLastRow;
    private long[] _groupPixels;
    private bool[]? _groupSkipped;
    private Strip? _sequential;
    private object? _reprojectionLock;
    private int _nextGroup;
    private int _row;

    public PolygonizeEngine(MaskBand<T> band, RunTable runs, Connectivity connectivity, GeometryFactory factory, GeoTransform gt, IMapTransform? reprojection, long fillHolesBelow, long minimumPixels)
    {
        _band = band;
        _runs = runs;
        runs.BuildPixelLabelsIfRunsAreShort();
        _factory = factory;
        _gt = gt;
        _reprojection = reprojection;
        _fillHolesBelow = fillHolesBelow;
        int labels = runs.LabelCount;

        // Shells are tested for null (and a pooled array of references may come back uncleared from other code);
        // a label's last hole is only read once its first is set.
        _shell = PooledArray.Rent<LinearRing?>(labels, clear: true);
        _firstHole = PooledArray.Rent<int>(labels, clear: false);
        _lastHole = PooledArray.Rent<int>(labels, clear: false);
        _firstHole.AsSpan(0, labels).Fill(-1);

        if (connectivity != Connectivity.Eight)
        {
            _groupCount = labels;
            _groupLastRow = runs.LabelLastRow;
            _groupPixels = runs.LabelPixels;
            if (minimumPixels > 0)
            {
                _skipLabel = PooledArray.Rent<bool>(labels, clear: false);
                for (int l = 0; l < labels; l++)
                {
                    _skipLabel[l] = _groupPixels[l] < minimumPixels;
                }

                _groupSkipped = _skipLabel;
            }

            return;
        }

        int[] group = runs.DiagonalGroups(out _groupCount);

        // Members of each group in label order (counting sort keeps the order of first pixels). Counts, fill
        // positions, last rows, pixel sums and skip flags accumulate from zero; every member slot is written.
        _groupMemberStart = PooledArray.Rent<int>(_groupCount + 1, clear: true);
        for (int l = 0; l < labels; l++)
        {
            _groupMemberStart[group[l] + 1]++;
        }

        for (int g = 0; g < _groupCount; g++)
        {
            _groupMemberStart[g + 1] += _groupMemberStart[g];
        }

        _groupMembers = PooledArray.Rent<int>(labels, clear: false);
        int[] fill = PooledArray.Rent<int>(_groupCount, clear: true);
        _groupLastRow = PooledArray.Rent<int>(_groupCount, clear: true);
        _groupPixels = PooledArray.Rent<long>(_groupCount, clear: true);
        for (int l = 0; l < labels; l++)
        {
            int g = group[l];
            _groupMembers[_groupMemberStart[g] + fill[g]++] = l;
            _groupLastRow[g] = Math.Max(_groupLastRow[g], runs.LabelLastRow[l]);
            _groupPixels[g] += runs.LabelPixels[l];
        }

        PooledArray.Return(ref fill);
        PooledArray.Return(ref group);
        if (minimumPixels > 0)
        {
            _groupSkipped = PooledArray.Rent<bool>(_groupCount, clear: true);
            _skipLabel = PooledArray.Rent<bool>(labels, clear: true);
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

    /// <summary>Gets the number of regions before the minimum-area filter (an upper bound of the output count).</summary>
    public int RegionCountUpperBound => _groupCount;

    /// <inheritdoc/>
    public int OutputCapacityHint => _groupCount;

    /// <summary>Gets a value indicating whether every row has been scanned and every region handed out.</summary>
    public bool Done => _row >= _runs.Height && _nextGroup >= _groupCount;

    /// <summary>
    /// Returns every rented array of the engine to the pool (the run table is its owner's to release). The engine is
    /// unusable afterwards: its arrays are empty, so a late step fails with an index error instead of reading an
    /// array that another call now fills. A second call does nothing.
    /// </summary>
    public void Release()
    {
        _sequential?.Release();
        PooledArray.Return(ref _shell);
        PooledArray.Return(ref _firstHole);
        PooledArray.Return(ref _lastHole);
        PooledArray.Return(ref _skipLabel);
        // Only 8-connectivity has group arrays of its own, and only it sets the member arrays.
        if (_groupMemberStart is not null)
        {
            PooledArray.Return(ref _groupMemberStart);
            PooledArray.Return(ref _groupMembers);
            PooledArray.Return(ref _groupLastRow);
            PooledArray.Return(ref _groupPixels);
            PooledArray.Return(ref _groupSkipped);
        }
        else
        {
            // The run table's arrays and the skipped labels returned just above.
            _groupLastRow = [];
            _groupPixels = [];
            _groupSkipped = [];
        }
    }

    /// <summary>Scans the next row and appends the regions completed by it.</summary>
    public void Step(List<PolygonizedRegion> output)
    {
        if (_row < _runs.Height)
        {
            _sequential ??= new Strip(this, 0, _runs.Height, keepHoles: false);
            _sequential.ScanRow(_row);
            _row++;
        }

        while (_nextGroup < _groupCount && (_groupLastRow[_nextGroup] < _row || _row >= _runs.Height))
        {
            Emit(_nextGroup, output);
            _nextGroup++;
        }
    }

    /// <summary>
    /// Scans all strips (<c>stripStart</c>: the first row of each strip, then the height) on up to <c>degree</c>
    /// threads, then appends every region.
    /// </summary>
    public void RunParallel(int[] stripStart, int degree, List<PolygonizedRegion> output, CancellationToken cancellationToken)
    {
        if (_row != 0)
        {
            throw new InvalidOperationException("The engine has already been stepped sequentially.");
        }

        // The reprojection is user code that need not be thread-safe: strips take turns calling it.
        _reprojectionLock = new object();
        int count = stripStart.Length - 1;
        var strips = new Strip?[count];
        try
        {
            ParallelStrips.Run(count, degree, cancellationToken, s =>
            {
                var strip = new Strip(this, stripStart[s], stripStart[s + 1], keepHoles: true);
                strips[s] = strip;
                for (int row = stripStart[s]; row < stripStart[s + 1]; row++)
                {
                    if ((row & 63) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    strip.ScanRow(row);
                }
            });

            foreach (Strip? strip in strips)
            {
                strip!.AttachHoles();
            }
        }
        finally
        {
            // The rings are built; the strips' bitmaps and cursors are not needed for assembly. Every worker has
            // stopped here (ParallelStrips.Run waits for them).
            foreach (Strip? strip in strips)
            {
                strip?.Release();
            }
        }

        // Polygons are assembled in parallel too, over consecutive group ranges: straight into the output when
        // every group yields a region, else into per-range lists concatenated in order.
        _row = _runs.Height;
        int ranges = Math.Min(count, Math.Max(1, _groupCount / 4096));
        if (_groupSkipped is null)
        {
            int first = output.Count;
            System.Runtime.InteropServices.CollectionsMarshal.SetCount(output, first + _groupCount);
            ParallelStrips.Run(ranges, degree, cancellationToken, r =>
            {
                Span<PolygonizedRegion> target = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output);
                for (int g = (int)((long)_groupCount * r / ranges), to = (int)((long)_groupCount * (r + 1) / ranges); g < to; g++)
                {
                    TryBuild(g, out target[first + g]);
                }
            });
        }
        else
        {
            var parts = new List<PolygonizedRegion>[ranges];
            ParallelStrips.Run(ranges, degree, cancellationToken, r =>
            {
                int from = (int)((long)_groupCount * r / ranges);
                int to = (int)((long)_groupCount * (r + 1) / ranges);
                var part = new List<PolygonizedRegion>(to - from);
                for (int g = from; g < to; g++)
                {
                    if (TryBuild(g, out PolygonizedRegion region))
                    {
                        part.Add(region);
                    }
                }

                parts[r] = part;
            });

            foreach (List<PolygonizedRegion> part in parts)
            {
                output.AddRange(part);
            }
        }

        _nextGroup = _groupCount;
    }

    private void AddHole(int label, LinearRing ring)
    {
        int index = _holes.Count;
        _holes.Add(ring);
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

    private void Emit(int group, List<PolygonizedRegion> output)
    {
        if (TryBuild(group, out PolygonizedRegion region))
        {
            output.Add(region);
        }
    }

    /// <summary>Builds the region of a group, unless the minimum-area filter drops it.</summary>
    private bool TryBuild(int group, out PolygonizedRegion region)
    {
        if (_groupSkipped is not null && _groupSkipped[group])
        {
            region = default;
            return false;
        }

        if (_groupMemberStart is null)
        {
            region = new PolygonizedRegion(_runs.LabelValue[group], BuildPolygon(group), _groupPixels[group]);
            return true;
        }

        int from = _groupMemberStart[group];
        int to = _groupMemberStart[group + 1];
        Geometry geometry;
        if (to - from == 1)
        {
            geometry = BuildPolygon(_groupMembers![from]);
        }
        else
        {
            var parts = new Polygon[to - from];
            for (int m = from; m < to; m++)
            {
                parts[m - from] = BuildPolygon(_groupMembers![m]);
            }

            geometry = _factory.CreateMultiPolygon(parts);
        }

        region = new PolygonizedRegion(_runs.LabelValue[_groupMembers![from]], geometry, _groupPixels[group]);
        return true;
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

    /// <summary>The rings starting in rows [first, end): one per thread in parallel mode, one for the whole band sequentially.</summary>
    private sealed class Strip
    {
        private readonly PolygonizeEngine<T> _engine;
        private readonly RingTracer<T> _tracer;
        private ulong[] _visited;
        private readonly List<LinearRing>? _holes;
        private readonly List<int>? _holeLabels;
        private readonly RingWriter _writer;

        public Strip(PolygonizeEngine<T> engine, int firstRow, int endRow, bool keepHoles)
        {
            _engine = engine;
            RunTable runs = engine._runs;
            _tracer = new RingTracer<T>(engine._band, runs, firstRow, endRow);
            _writer = new RingWriter(engine._factory, engine._gt, engine._reprojection, engine._reprojectionLock);
            _visited = PooledArray.Rent<ulong>((int)((((long)runs.Width * (endRow - firstRow)) + 63) >> 6), clear: true);
            if (keepHoles)
            {
                _holes = [];
                _holeLabels = [];
            }
        }

        /// <summary>Returns the strip's rented arrays; the strip cannot scan afterwards.</summary>
        public void Release()
        {
            _tracer.Release();
            PooledArray.Return(ref _visited);
        }

        /// <summary>Hands the holes found by this strip to their components, in scan order.</summary>
        public void AttachHoles()
        {
            for (int i = 0; i < _holes!.Count; i++)
            {
                _engine.AddHole(_holeLabels![i], _holes[i]);
            }

            _holes.Clear();
            _holeLabels!.Clear();
        }

        public void ScanRow(int row)
        {
            RunTable runs = _engine._runs;
            bool[]? skip = _engine._skipLabel;
            ReadOnlySpan<int> start = runs.Start;
            ReadOnlySpan<int> end = runs.End;
            ReadOnlySpan<int> value = runs.Value;
            ReadOnlySpan<int> label = runs.Label;
            int first = runs.RowOffset[row];
            int last = runs.RowOffset[row + 1];
            int k = row > 0 ? runs.RowOffset[row - 1] : 0;
            int kEnd = first;
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

                if (l < 0 || (skip is not null && skip[l]))
                {
                    continue;
                }

                if (row == 0)
                {
                    TraceIfNew(row, s, l);
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
                        TraceIfNew(row, Math.Max(s, start[q]), l);
                    }

                    inBoundary = !same;
                }
            }
        }

        private void TraceIfNew(int row, int column, int label)
        {
            if (_tracer.IsVisited(_visited, row, column))
            {
                return;
            }

            PolygonizeEngine<T> engine = _engine;
            T value = engine._band.ValueAt(column, row);
            int n = _tracer.Trace(row, column, value, label, _visited, out long area2);
            if (n == RingTracer<T>.NotOwned)
            {
                return;
            }

            if (area2 > 0)
            {
                engine._shell[label] = _writer.MakeRing(_tracer.Vertices, n, exterior: true);
                return;
            }

            if (-area2 < 2 * engine._fillHolesBelow)
            {
                return;
            }

            LinearRing ring = _writer.MakeRing(_tracer.Vertices, n, exterior: false);
            if (_holes is null)
            {
                engine.AddHole(label, ring);
            }
            else
            {
                _holes.Add(ring);
                _holeLabels!.Add(label);
            }
        }
    }
}
