namespace Scaneo.Annotations.Polygonize;

/// <summary>Where a scanline engine works: the whole band, one strip of it, or a window around a seam between strips.</summary>
internal enum ScanlineScope
{
    /// <summary>Every row: every component is built.</summary>
    Whole,

    /// <summary>A strip of rows: only the components lying within it are built.</summary>
    Strip,

    /// <summary>Rows around a seam: only the components crossing the seam, and no earlier seam, are built.</summary>
    SeamWindow,
}

/// <summary>How a component of a strip or seam window lies against the rows around it (see ScanlineEngine.Scope.cs).</summary>
[Flags]
internal enum ScopeFlags : byte
{
    /// <summary>Within the rows in every direction.</summary>
    None = 0,

    /// <summary>Continues above the first row or below the last: the engine sees only part of it.</summary>
    Edge = 1,

    /// <summary>Crosses the seam the window is for (holds two pixels one above the other across it).</summary>
    Seam = 2,

    /// <summary>Crosses a seam above the window's own: that seam's window builds it.</summary>
    EarlierSeam = 4,
}

/// <summary>
/// Strips and seam windows of the scanline engine, for the parallel mode (see <see cref="ScanlineStrips"/>). A
/// component lying within a strip gets exactly the rings a whole-band engine gives it, since its rings, holes and pinch
/// decisions depend only on its own pixels and the values around them, which the strip reads from the band. Strips
/// skip the components that continue across a seam; the window of a seam builds them, from enough rows around it to
/// hold each whole.
/// </summary>
internal sealed partial class ScanlineEngine<T>
{
    private int _firstRow;
    private int _endRow;
    private ScanlineScope _scope;
    private int _seamRow;
    private int[]? _seams;
    private IRegionSink? _sink;
    private long[]? _orderKey;

    // With 8-connectivity, the flags of each group slot; apart from the groups so that a whole-band engine's stay small.
    private ScopeFlags[] _groupScope = [];

    /// <summary>
    /// Gets a value indicating whether a seam window met a component crossing its seam that also continues beyond
    /// the window: its rings were not built, and a taller window must build them.
    /// </summary>
    public bool Overflowed { get; private set; }

    /// <summary>
    /// Restricts a new engine to rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) as a strip, or as the
    /// window of seam <paramref name="seamRow"/> (one of <paramref name="seams"/>, the first rows of every strip but
    /// the first, ascending). Its regions go to <paramref name="sink"/> (see <see cref="StepPart"/>) with their first
    /// pixels as row-major corner keys, by which strips and windows merge into the whole-band order.
    /// </summary>
    public void Restrict(int firstRow, int endRow, ScanlineScope scope, int seamRow, int[]? seams, IRegionSink sink)
    {
        if (_line != 0 || scope == ScanlineScope.Whole || firstRow < 0 || endRow > _band.Height || firstRow >= endRow)
        {
            throw new InvalidOperationException("Polygonizer invariant broken: a scanline strip or window must be set on a new engine, over rows of the band.");
        }

        _firstRow = firstRow;
        _endRow = endRow;
        _line = firstRow;
        _scope = scope;
        _seamRow = seamRow;
        _seams = seams;
        _sink = sink;
        _orderKey = new long[_orderState.Length];
    }

    /// <summary>Sweeps the next row line of a strip or window and hands the regions complete and next in order to its sink.</summary>
    public void StepPart()
    {
        SweepNext();
        Drain(null);
    }

    /// <summary>Flags the component <paramref name="root"/> of the run [<paramref name="start"/>, <paramref name="end"/>) of row <paramref name="y"/>, just labelled.</summary>
    private void MarkScope(int root, int y, int start, int end, bool joinedAbove)
    {
        if (y == _firstRow && y > 0 && HoldsAny(y - 1, start, end, runRow: y))
        {
            Flag(root, ScopeFlags.Edge);
        }

        if (joinedAbove)
        {
            MarkSeamCrossing(root, y);
        }
    }

    /// <summary>Flags the component <paramref name="root"/>, which holds pixels on both sides of row line <paramref name="y"/>, when that line is a seam of a window.</summary>
    private void MarkSeamCrossing(int root, int y)
    {
        if (_seams is not null && y <= _seamRow && Array.BinarySearch(_seams, y) >= 0)
        {
            Flag(root, y == _seamRow ? ScopeFlags.Seam : ScopeFlags.EarlierSeam);
        }
    }

    /// <summary>Flags the component <paramref name="root"/>, or with 8-connectivity its group, which is the region.</summary>
    private void Flag(int root, ScopeFlags flag)
    {
        if (_eightConnected)
        {
            int g = FindGroup(_components[root].Group);
            SetGroupScope(g, GroupScope(g) | flag);
        }
        else
        {
            _components[root].Scope |= flag;
        }
    }

    private ScopeFlags GroupScope(int g) => g < _groupScope.Length ? _groupScope[g] : ScopeFlags.None;

    private void SetGroupScope(int g, ScopeFlags flags)
    {
        if (g >= _groupScope.Length)
        {
            Array.Resize(ref _groupScope, _groups.Length);
        }

        _groupScope[g] = flags;
    }

    /// <summary>Flags the components of the last row (now <see cref="_above"/>) that row <paramref name="y"/>, below the rows, continues.</summary>
    private void MarkContinuingBelow(int y)
    {
        RowRuns above = _above;
        for (int a = 0; a < above.Count; a++)
        {
            if (above.Slot[a] != None && HoldsAny(y, above.Start[a], above.Start[a + 1], runRow: y - 1))
            {
                Flag(Find(above.Slot[a]), ScopeFlags.Edge);
            }
        }
    }

    /// <summary>Whether row <paramref name="y"/> holds, in columns [<paramref name="start"/>, <paramref name="end"/>), the value of the run there in row <paramref name="runRow"/> next to it.</summary>
    /// <remarks>With 8-connectivity the columns either side count too: a diagonal contact joins the run as well.</remarks>
    private bool HoldsAny(int y, int start, int end, int runRow)
    {
        int reach = _eightConnected ? 1 : 0;
        return _band.FirstHolding(y, start - reach, end + reach, _band.ValueAt(start, runRow)) >= 0;
    }

    /// <summary>Whether a complete component with <paramref name="flags"/> is built here; notes a seam window too short for it.</summary>
    private bool InScope(ScopeFlags flags)
    {
        switch (_scope)
        {
            case ScanlineScope.Strip:
                return (flags & ScopeFlags.Edge) == 0;
            case ScanlineScope.SeamWindow:
                if ((flags & (ScopeFlags.Seam | ScopeFlags.EarlierSeam)) != ScopeFlags.Seam)
                {
                    return false;
                }

                if ((flags & ScopeFlags.Edge) != 0)
                {
                    Overflowed = true;
                    return false;
                }

                return true;
            default:
                return true;
        }
    }
}
