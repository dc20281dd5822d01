using System.Numerics;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The 4-connected polygonizer in one pass over the rows, holding only two rows of runs, the boundary chains still
/// open at the current row line and the components not yet complete: its memory follows the open boundary, not the
/// mask, so a per-pixel noise mask needs a few hundred kilobytes of working state besides its output. Its regions are
/// exactly those of <see cref="PolygonizeEngine{T}"/> (same rings, same starting corners, same hole and region order),
/// which remains the engine of the parallel and 8-connected modes.
/// </summary>
/// <remarks>
/// <para>
/// Each row line y (the corners between rows y − 1 and y) is swept at the columns where a run of either row begins.
/// At each corner, for each class value around it, the edges of that value's boundary (component on the left, as
/// the ring tracer walks) are joined: a chain arriving at the corner continues with the one leaving it, and a chain
/// whose head meets its own tail is a closed ring. Chains hold no corners, only the earliest eastward segment met on
/// them (row-major), which is where the ring tracer starts that ring.
/// </para>
/// <para>
/// At a diagonal pinch (a value in two diagonal pixels only) the pairing depends on whether both pixels belong to
/// the same component, which may only become known rows later. Such corners wait as junctions: joined across the
/// corner when the two components merge, around each pixel when either component is complete.
/// </para>
/// <para>
/// Components are labelled by a union-find over the runs of consecutive rows. A component is complete once a row
/// holds none of its runs; <see cref="RingTracer{T}"/> then walks its rings over the mask from their starts, asking
/// the component's junctions at pinches, and its holes are sorted by start. Regions leave through a reorder buffer
/// in the order of their first pixels, as the tracing engine hands them out.
/// </para>
/// </remarks>
internal sealed partial class ScanlineEngine<T> : IRegionEngine, RingTracer<T>.IPinchOracle
    where T : unmanaged, IBinaryInteger<T>
{
    private const int None = -1;

    // Head slot codes: index << 2 | tag.
    private const int TagRightHead0 = 0;
    private const int TagRightHead1 = 1;
    private const int TagCarryHead = 2;
    private const int TagJunction = 3;

    private const byte Open = 0;
    private const byte Dead = 1;
    private const byte Ready = 2;
    private const byte Dropped = 3;

    private static readonly LinearRing[] NoHoles = [];
    private static readonly ulong[] NoVisited = [];

    // Above this many junctions, a component's pinch decisions go into a lookup for its tracing.
    private const int PinchLookupThreshold = 16;

    // The diagonal of a pinch: the ring's two pixels are NW and SE, or NE and SW.
    private const int AcrossNorthwest = 0;
    private const int AcrossNortheast = 1;

    private readonly T[] _data;
    private readonly int _offset;
    private readonly byte[]? _validity;
    private readonly int _validityOffset;
    private readonly int _width;
    private readonly int _height;
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

    // Open boundary chains, with the slot holding their head.
    private Chain[] _chains = new Chain[64];
    private int _chainCount;
    private int _chainFree = None;

    // Junctions: ends 0 and 1 arrive, 2 and 3 leave; around each pixel pairs 0→2 and 1→3, across 0→3 and 1→2.
    private int[] _junctionEnds = new int[64 * 4];
    private Junction[] _junctions = new Junction[64];
    private int _junctionRecords;
    private int _junctionFree = None;

    // List cells (value, next) for the per-component ring and junction lists.
    private Cell[] _cells = new Cell[256];
    private int _cellCount;
    private int _cellFree = None;

    private int _carryHead = None;
    private int _carryTail = None;

    // Reorder buffer over order numbers [_orderBase, _orderNext).
    private byte[] _orderState = new byte[256];
    private PolygonizedRegion[] _orderRegion = new PolygonizedRegion[256];
    private int _orderBase;
    private int _orderNext;

    private readonly RingTracer<T> _tracer;
    private readonly Dictionary<long, bool> _pinchLookup = [];
    private bool _usePinchLookup;
    private int _tracingRoot = None;
    private readonly List<int> _completing = [];
    private readonly List<(long Key, LinearRing Ring)> _holeOrder = [];

    public ScanlineEngine(T[] data, int offset, byte[]? validity, int validityOffset, int width, int height, ValueFilter filter, GeometryFactory factory, GeoTransform gt, IMapTransform? reprojection, long fillHolesBelow, long minimumPixels)
    {
        _data = data;
        _offset = offset;
        _validity = validity;
        _validityOffset = validityOffset;
        _width = width;
        _height = height;
        _filter = filter;
        _factory = factory;
        _writer = new RingWriter(factory, gt, reprojection, reprojectionLock: null);
        _tracer = new RingTracer<T>(data, offset, validity, validityOffset, width, height, this);
        _fillHolesBelow = fillHolesBelow;
        _minimumPixels = minimumPixels;
        _above = new RowRuns(width, TagRightHead0);
        _below = new RowRuns(width, TagRightHead1);
    }

    /// <inheritdoc/>
    /// <remarks>The region count is not known before the last row; the output list grows as needed.</remarks>
    public int OutputCapacityHint => 0;

    /// <summary>
    /// Gets the bytes of the engine's working arrays (rows, components, chains, junctions, lists, the tracer's corner
    /// buffer, reorder flags), without the completed regions waiting in the reorder buffer, which are output.
    /// </summary>
    internal long WorkingBytes =>
        (2L * ((5L * _width) + 1) * sizeof(int))
        + ((long)_components.Length * ((11 * sizeof(int)) + sizeof(long)))
        + ((long)_chains.Length * ((2 * sizeof(int)) + sizeof(long)))
        + ((long)_junctions.Length * ((9 * sizeof(int)) + sizeof(bool)))
        + ((long)_cells.Length * ((2 * sizeof(int)) + sizeof(long)))
        + ((long)_tracer.Vertices.Length * sizeof(int))
        + _orderState.Length;

    /// <summary>Gets a value indicating whether every row line has been swept and every region handed out.</summary>
    public bool Done => _line > _height && _orderBase == _orderNext;

    /// <summary>Sweeps the next row line and appends the regions that are complete and next in order.</summary>
    public void Step(List<PolygonizedRegion> output)
    {
        if (_line <= _height)
        {
            SweepLine(_line);
            _line++;
        }

        Drain(output);
    }

    /// <inheritdoc/>
    /// <remarks>Nothing is rented: the working state is small and belongs to the engine.</remarks>
    public void Release()
    {
    }

    private void SweepLine(int y)
    {
        (_above, _below) = (_below, _above);
        if (y == 0)
        {
            _above.Count = 0;
        }

        if (y < _height)
        {
            ReadRow(y, _below);
            Label(y);
        }
        else
        {
            _below.Count = 0;
        }

        Sweep(y);
        CompleteEnded(y);
    }

    private void ReadRow(int row, RowRuns runs)
    {
        ReadOnlySpan<T> line = _data.AsSpan(_offset + (row * _width), _width);
        ReadOnlySpan<byte> mask = _validity is null ? default : _validity.AsSpan(_validityOffset + (row * _width), _width);
        int count = 0;
        int x = 0;
        while (x < _width)
        {
            int end = RunTable.RunEnd(line, mask, x, out bool valid);
            int iv = int.CreateTruncating(line[x]);
            runs.Start[count] = x;
            runs.Value[count] = iv;
            runs.Slot[count] = valid && _filter.IsValid(iv) ? 0 : None;
            count++;
            x = end;
        }

        runs.Start[count] = _width;
        runs.Count = count;
    }

    /// <summary>Labels the runs of row <paramref name="y"/> (now <see cref="_below"/>) against the row above.</summary>
    private void Label(int y)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        int k = 0;
        for (int b = 0; b < below.Count; b++)
        {
            if (below.Slot[b] == None)
            {
                continue;
            }

            int s = below.Start[b];
            int e = below.Start[b + 1];
            int value = below.Value[b];
            while (k < above.Count && above.Start[k + 1] <= s)
            {
                k++;
            }

            int root = None;
            for (int q = k; q < above.Count && above.Start[q] < e; q++)
            {
                if (above.Slot[q] != None && above.Value[q] == value)
                {
                    int r = Find(above.Slot[q]);
                    root = root == None ? r : r == root ? root : Union(root, r);
                }
            }

            if (root == None)
            {
                root = NewComponent(value);
            }

            below.Slot[b] = root;
            _components[root].Pixels += e - s;
            _components[root].Stamp = y;
        }
    }

    private void Sweep(int y)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        int nw = None;
        int sw = None;
        int ne = above.Count > 0 ? 0 : None;
        int se = below.Count > 0 ? 0 : None;
        int x = 0;
        _carryHead = None;
        _carryTail = None;
        while (true)
        {
            Corner(x, y, nw, ne, sw, se);
            if (x == _width)
            {
                break;
            }

            int next = _width;
            if (ne != None)
            {
                next = Math.Min(next, above.Start[ne + 1]);
            }

            if (se != None)
            {
                next = Math.Min(next, below.Start[se + 1]);
            }

            x = next;
            nw = ne;
            sw = se;
            if (ne != None && above.Start[ne + 1] == x)
            {
                ne = ne + 1 < above.Count ? ne + 1 : None;
            }

            if (se != None && below.Start[se + 1] == x)
            {
                se = se + 1 < below.Count ? se + 1 : None;
            }
        }
    }

    /// <summary>Joins the boundary edges meeting at corner (x, y) for each class value of the four pixels around it.</summary>
    private void Corner(int x, int y, int nw, int ne, int sw, int se)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        bool vnw = nw != None && above.Slot[nw] != None;
        bool vne = ne != None && above.Slot[ne] != None;
        bool vsw = sw != None && below.Slot[sw] != None;
        bool vse = se != None && below.Slot[se] != None;
        int cnw = vnw ? above.Value[nw] : 0;
        int cne = vne ? above.Value[ne] : 0;
        int csw = vsw ? below.Value[sw] : 0;
        int cse = vse ? below.Value[se] : 0;

        int westHead = _carryHead;
        int westTail = _carryTail;
        _carryHead = None;
        _carryTail = None;

        if (vnw)
        {
            CornerOf(x, y, nw, ne, sw, se, true, vne && cne == cnw, vsw && csw == cnw, vse && cse == cnw, westHead, westTail);
        }

        if (vne && !(vnw && cnw == cne))
        {
            CornerOf(x, y, nw, ne, sw, se, false, true, vsw && csw == cne, vse && cse == cne, westHead, westTail);
        }

        if (vsw && !(vnw && cnw == csw) && !(vne && cne == csw))
        {
            CornerOf(x, y, nw, ne, sw, se, false, false, true, vse && cse == csw, westHead, westTail);
        }

        if (vse && !(vnw && cnw == cse) && !(vne && cne == cse) && !(vsw && csw == cse))
        {
            CornerOf(x, y, nw, ne, sw, se, false, false, false, true, westHead, westTail);
        }
    }

    /// <summary>The edges of one class value at a corner, from which of the four pixels hold it.</summary>
    private void CornerOf(int x, int y, int nw, int ne, int sw, int se, bool inNw, bool inNe, bool inSw, bool inSe, int westHead, int westTail)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        if (inNw == inNe && inSw == inSe && inNw == inSw)
        {
            return;
        }

        if (inNw && inSe && !inNe && !inSw)
        {
            // Pinch across NW–SE. Arriving: from the north (NW's east side) and from the south (SE's west side);
            // leaving: westward (NW's bottom) and eastward (SE's top).
            int component = Find(below.Slot[se]);
            int fromSouth = NewChain(component);
            below.LeftTail[se] = fromSouth;
            int toEast = NewChain(component);
            _chains[toEast].Start = StartKey(x, y);
            SetHead(toEast, TagCarryHead);
            _carryHead = toEast;
            AddJunction(x, y, AcrossNorthwest, above.RightHead[nw], fromSouth, westTail, toEast, above.Slot[nw], below.Slot[se]);
            return;
        }

        if (inNe && inSw && !inNw && !inSe)
        {
            // Pinch across NE–SW. Arriving: from the west (SW's top) and from the east (NE's bottom); leaving:
            // southward (SW's east side) and northward (NE's west side).
            int component = Find(below.Slot[sw]);
            int fromEast = NewChain(Find(above.Slot[ne]));
            _carryTail = fromEast;
            int toSouth = NewChain(component);
            SetHead(toSouth, (sw << 2) | below.Tag);
            below.RightHead[sw] = toSouth;
            AddJunction(x, y, AcrossNortheast, westHead, fromEast, toSouth, above.LeftTail[ne], below.Slot[sw], above.Slot[ne]);
            return;
        }

        // One edge arrives and one leaves. Arriving: north (NW's east side going south), south (SE's west side going
        // north), west (SW's top going east), east (NE's bottom going west).
        int arriving;
        bool arrivesNew;
        bool arrivesVertical;
        if (inNw && !inNe)
        {
            arriving = above.RightHead[nw];
            arrivesNew = false;
            arrivesVertical = true;
        }
        else if (inSe && !inSw)
        {
            arriving = None;
            arrivesNew = true;
            arrivesVertical = true;
        }
        else if (inSw && !inNw)
        {
            arriving = westHead;
            arrivesNew = false;
            arrivesVertical = false;
        }
        else
        {
            arriving = None;
            arrivesNew = true;
            arrivesVertical = false;
        }

        // Leaving: north (NE's west side), south (SW's east side), west (NW's bottom), east (SE's top).
        int leaving;
        bool leavesNew;
        bool leavesVertical;
        if (inNe && !inNw)
        {
            leaving = above.LeftTail[ne];
            leavesNew = false;
            leavesVertical = true;
        }
        else if (inSw && !inSe)
        {
            leaving = None;
            leavesNew = true;
            leavesVertical = true;
        }
        else if (inNw && !inSw)
        {
            leaving = westTail;
            leavesNew = false;
            leavesVertical = false;
        }
        else
        {
            leaving = None;
            leavesNew = true;
            leavesVertical = false;
        }

        if (!arrivesNew && !leavesNew)
        {
            Join(arriving, leaving);
            return;
        }

        int chain;
        if (!arrivesNew)
        {
            // The arriving chain goes on along the new edge.
            chain = arriving;
        }
        else if (!leavesNew)
        {
            // The leaving chain starts earlier, on the new edge.
            chain = leaving;
        }
        else
        {
            // A corner where the value's boundary begins: both edges are new.
            int pixelSlot = inSe ? below.Slot[se] : below.Slot[sw];
            chain = NewChain(Find(pixelSlot));
        }

        if (leavesNew && !leavesVertical)
        {
            // An eastward edge starts here: a candidate for the ring's start (only new edges lead east).
            _chains[chain].Start = Math.Min(_chains[chain].Start, StartKey(x, y));
        }

        if (arrivesNew)
        {
            // Its tail waits at the far end of the new arriving edge.
            if (arrivesVertical)
            {
                below.LeftTail[se] = chain;
            }
            else
            {
                _carryTail = chain;
            }
        }

        if (leavesNew)
        {
            if (leavesVertical)
            {
                below.RightHead[sw] = chain;
                SetHead(chain, (sw << 2) | below.Tag);
            }
            else
            {
                _carryHead = chain;
                SetHead(chain, TagCarryHead);
            }
        }
    }

    /// <summary>The corner (x, y) as a row-major key: the order of ring starts, and where a ring starting there is traced from.</summary>
    private long StartKey(int x, int y) => ((long)y * (_width + 1)) + x;
}
