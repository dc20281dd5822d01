using System.Numerics;
using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The polygonizer in one pass over the rows, holding only two rows of runs and the components not yet complete: its
/// memory follows the open part of the mask, not the mask, so a per-pixel noise mask needs a few hundred kilobytes
/// of working state besides its output. Its regions are exactly those of <see cref="PolygonizeEngine{T}"/> (same
/// rings, same starting corners, same hole, member and region order), which remains the engine of the parallel mode
/// and of masks of long runs.
/// </summary>
/// <remarks>
/// <para>
/// Components are labelled by a union-find over the runs of consecutive rows. A component is complete once a row
/// holds none of its runs; <see cref="RingTracer{T}"/> then walks its exterior over the mask from the top-left corner
/// of its first pixel, which starts the exterior ring (its earliest eastward segment). When the exterior encloses
/// more than the component's pixels, the component has holes: their rings start at the earliest of the eastward
/// segment starts the labelling recorded for the component (the top edges of its pixels under other values) that
/// no ring traced so far passes through.
/// </para>
/// <para>
/// At a diagonal pinch (a value in two diagonal pixels only) the ring crosses the corner when both pixels belong to
/// the same component, which may only become known rows later. The labelling records each pinch with the two
/// pixels' component slots; the first of the two components to complete decides it, when the union-find is final
/// for it, and the tracing asks for the decision.
/// </para>
/// <para>
/// With 8-connectivity the pinches are also diagonal contacts, which join components into groups (see
/// ScanlineEngine.Groups.cs). Regions leave through a reorder buffer in the order of their first pixels, as the
/// tracing engine hands them out.
/// </para>
/// </remarks>
internal sealed partial class ScanlineEngine<T> : IRegionEngine, RingTracer<T>.IPinchOracle
    where T : unmanaged, IBinaryInteger<T>
{
    private const int None = -1;

    private const byte Open = 0;
    private const byte Dead = 1;
    private const byte Ready = 2;
    private const byte Dropped = 3;

    // A component holding both pixels of a pinch joins them around one of the other two: the shortest such path is
    // 3 pixels on each side of it plus the two, so smaller components answer every pinch without a lookup (most of
    // them on noise).
    private const long MinimumPixelsJoinedAtPinch = 7;

    private static readonly LinearRing[] NoHoles = [];
    private static readonly ulong[] NoVisited = [];

    // The diagonal of a pinch: the ring's two pixels are NE and SW, or NW and SE. Labelling meets them in this
    // order at a corner, so pinch keys grow as they are recorded.
    private const int AcrossNortheast = 0;
    private const int AcrossNorthwest = 1;

    private readonly MaskBand<T> _band;
    private readonly ValueFilter _filter;
    private readonly GeometryFactory _factory;
    private readonly RingWriter _writer;
    private readonly long _fillHolesBelow;
    private readonly long _minimumPixels;

    private RowRuns _above;
    private RowRuns _below;
    private int _line;

    // Components: union-find over slots, reused once a component is complete.
    // One struct per slot: on noise most components live a few rows, and their fields are touched together.
    private Component[] _components = new Component[64];
    private int _slotCount;
    private int _slotFree = None;

    // Pinches in the order of their keys (row-major corner, then diagonal), compacted when the array is full.
    private Pinch[] _pinches = new Pinch[64];
    private int _pinchCount;

    // 8-connectivity: groups of diagonally touching components, and their completed members' polygons.
    private readonly bool _eightConnected;
    private Group[] _groups = new Group[64];
    private int _groupCount;
    private int _groupFree = None;
    private Part[] _parts = new Part[64];
    private int _partCount;
    private int _partFree = None;
    private readonly List<(int Order, Polygon Polygon)> _groupParts = [];

    // List cells for the per-component lists of eastward segment starts.
    private Cell[] _cells = new Cell[256];
    private int _cellCount;
    private int _cellFree = None;

    // Reorder buffer over order numbers [_orderBase, _orderNext).
    private byte[] _orderState = new byte[256];
    private PolygonizedRegion[] _orderRegion = new PolygonizedRegion[256];
    private int _orderBase;
    private int _orderNext;

    private readonly RingTracer<T> _tracer;
    private readonly List<int> _completing = [];
    // Components with one run per row: their exterior's corners and their runs' west ends.
    private int[] _stackVertices = new int[64];
    private int[] _stackWest = new int[8];

    // The row line being completed: its components' last row is the one above it.
    private int _completionLine;
    private long _tracingPixels;
    private readonly List<long> _holeStarts = [];
    private bool[] _holeStartTraced = [];
    private readonly List<LinearRing> _holes = [];

    public ScanlineEngine(MaskBand<T> band, ValueFilter filter, Connectivity connectivity, GeometryFactory factory, GeoTransform gt, IMapTransform? reprojection, long fillHolesBelow, long minimumPixels, object? reprojectionLock = null)
    {
        _eightConnected = connectivity == Connectivity.Eight;
        _band = band;
        _filter = filter;
        _factory = factory;
        _writer = new RingWriter(factory, gt, reprojection, reprojectionLock);
        _endRow = band.Height;
        _tracer = new RingTracer<T>(band, this);
        _fillHolesBelow = fillHolesBelow;
        _minimumPixels = minimumPixels;
        _above = new RowRuns(band.Width);
        _below = new RowRuns(band.Width);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The region count is not known before the last row: this is an estimate from sampled pairs of rows, made when
    /// asked (a collecting call asks once; a stream does not), so that a
    /// collected output list is allocated about once rather than doubling through large-object-heap copies, each of
    /// which costs the garbage collector a full collection over the regions built so far.
    /// </remarks>
    public int OutputCapacityHint => EstimateRegions(_band.Rows(0, _band.Height), _band.Width, _band.Height);

    /// <summary>
    /// Gets the bytes of the engine's working arrays (rows, components, pinches, groups, lists, the tracer's corner
    /// buffer, the hole and group scratch lists, reorder flags, and in a strip or window its keys and group flags),
    /// without the completed regions and member polygons waiting for their turn, which are output.
    /// </summary>
    internal long WorkingBytes =>
        (2L * ((3L * _band.Width) + 1) * sizeof(int))
        + ((long)_components.Length * Unsafe.SizeOf<Component>())
        + ((long)_pinches.Length * Unsafe.SizeOf<Pinch>())
        + ((long)_groups.Length * Unsafe.SizeOf<Group>())
        + ((long)_parts.Length * Unsafe.SizeOf<Part>())
        + ((long)_cells.Length * Unsafe.SizeOf<Cell>())
        + ((long)_tracer.Vertices.Length * sizeof(int)) + ((long)(_stackVertices.Length + _stackWest.Length) * sizeof(int))
        + ((long)_holeStarts.Capacity * sizeof(long)) + _holeStartTraced.Length
        + ((long)_holes.Capacity * IntPtr.Size) + ((long)_groupParts.Capacity * (sizeof(int) + IntPtr.Size))
        + _orderState.Length + ((long)(_orderKey?.Length ?? 0) * sizeof(long)) + _groupScope.Length;

    /// <summary>Gets a value indicating whether every row line has been swept and every region handed out.</summary>
    public bool Done => _line > _endRow && _orderBase == _orderNext;

    /// <summary>Sweeps the next row line and appends the regions that are complete and next in order.</summary>
    public void Step(List<PolygonizedRegion> output)
    {
        SweepNext();
        Drain(output);
    }

    private void SweepNext()
    {
        if (_line <= _endRow)
        {
            SweepLine(_line);
            _line++;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Nothing is rented: the working state is small and belongs to the engine.</remarks>
    public void Release()
    {
    }

    private void SweepLine(int y)
    {
        (_above, _below) = (_below, _above);
        if (y == _firstRow)
        {
            _above.Count = 0;
        }

        if (y < _endRow)
        {
            ReadRow(y, _below);
            Label(y);
        }
        else
        {
            if (y < _band.Height)
            {
                MarkContinuingBelow(y);
            }

            _below.Count = 0;
        }

        CompleteEnded(y);
    }

    private void ReadRow(int row, RowRuns runs)
    {
        ReadOnlySpan<T> line = _band.Row(row);
        ReadOnlySpan<byte> mask = _band.ValidityRow(row);
        int count = 0;
        int x = 0;
        while (x < line.Length)
        {
            int end = RunTable.RunEnd(line, mask, x, out bool valid);
            int iv = int.CreateTruncating(line[x]);
            runs.Start[count] = x;
            runs.Value[count] = iv;
            runs.Slot[count] = valid && _filter.IsValid(iv) ? 0 : None;
            count++;
            x = end;
        }

        runs.Start[count] = line.Length;
        runs.Count = count;
    }

    /// <summary>
    /// Labels the runs of row <paramref name="y"/> (now <see cref="_below"/>) against the row above, recording for each
    /// component the eastward segment starts on its top edges and the diagonal pinches at the corners of line y.
    /// </summary>
    private void Label(int y)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        int k = 0;
        for (int b = 0; b < below.Count; b++)
        {
            int s = below.Start[b];
            int e = below.Start[b + 1];
            while (k < above.Count && above.Start[k + 1] <= s)
            {
                k++;
            }

            bool cornerOfBoth = b > 0 && k > 0 && above.Start[k] == s;
            if (cornerOfBoth && below.Slot[b - 1] != None && above.Slot[k] != None && below.Value[b - 1] == above.Value[k])
            {
                // NE and SW hold one value, NW and SE others (neighbouring runs differ): a pinch.
                AddPinch(s, y, AcrossNortheast, above.Slot[k], below.Slot[b - 1]);
            }

            if (below.Slot[b] == None)
            {
                continue;
            }

            // Joins the components of the same value above, and records the starts of the stretches of the run's top
            // edge under other values: each is an eastward segment of one of the component's rings, starting at the
            // stretch's west end (a corner where the ring turns east). A stretch met before any join waits: if none
            // comes, the run starts a new component, whose first pixel is that stretch's start.
            int value = below.Value[b];
            int root = None;
            long waiting = None;
            bool inStretch = false;
            for (int q = k; q < above.Count && above.Start[q] < e; q++)
            {
                if (above.Slot[q] != None && above.Value[q] == value)
                {
                    int r = Find(above.Slot[q]);
                    root = root == None ? r : r == root ? root : Union(root, r);
                    inStretch = false;
                }
                else if (!inStretch)
                {
                    inStretch = true;
                    long start = StartKey(Math.Max(s, above.Start[q]), y);
                    if (root == None)
                    {
                        waiting = start;
                    }
                    else
                    {
                        AddSegmentStart(root, start);
                    }
                }
            }

            bool joinedAbove = root != None;
            if (root == None)
            {
                root = NewComponent(value, StartKey(s, y));
            }
            else if (waiting != None)
            {
                AddSegmentStart(root, waiting);
            }

            if (_scope != ScanlineScope.Whole)
            {
                MarkScope(root, y, s, e, joinedAbove);
            }

            below.Slot[b] = root;
            _components[root].Pixels += e - s;
            _components[root].Runs++;
            _components[root].Stamp = y;

            if (cornerOfBoth && above.Slot[k - 1] != None && above.Value[k - 1] == value)
            {
                // NW and SE hold one value, NE and SW others: a pinch.
                AddPinch(s, y, AcrossNorthwest, above.Slot[k - 1], root);
            }
        }
    }

    /// <summary>
    /// Estimates the region count from up to 32 sampled pairs of rows: the runs of the lower row with no pixel of their
    /// value above them each start a component. Merges further down make this an overestimate on noise: 3% with
    /// three classes, 29% with two (ScanlineEngineTests).
    /// </summary>
    internal static int EstimateRegions(ReadOnlySpan<T> band, int width, int height)
    {
        int samples = Math.Min(height - 1, 32);
        if (samples <= 0)
        {
            return width;
        }

        long starts = 0;
        for (int k = 0; k < samples; k++)
        {
            int row = 1 + (int)((long)k * (height - 1) / samples);
            ReadOnlySpan<T> above = band.Slice((row - 1) * width, width);
            ReadOnlySpan<T> line = band.Slice(row * width, width);
            int x = 0;
            while (x < width)
            {
                int end = RunTable.RunEnd(line, default, x, out _);
                if (!above[x..end].Contains(line[x]))
                {
                    starts++;
                }

                x = end;
            }
        }

        // A sixteenth more: sampling may miss a few, and one short of the count would double the list.
        long estimate = (starts * height / samples * 17 / 16) + 16;
        return (int)Math.Min(estimate, Math.Min((long)width * height, Array.MaxLength));
    }

    /// <summary>The corner (x, y) as a row-major key: the order of ring starts, and where a ring starting there is traced from.</summary>
    private long StartKey(int x, int y) => ((long)y * (_band.Width + 1)) + x;

    /// <summary>The corner (x, y) of a key made by <see cref="StartKey"/>.</summary>
    private (int X, int Y) CornerOf(long key)
    {
        int y = (int)(key / (_band.Width + 1));
        return ((int)(key - (y * (_band.Width + 1L))), y);
    }
}
