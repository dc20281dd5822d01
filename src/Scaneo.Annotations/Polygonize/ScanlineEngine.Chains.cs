namespace Scaneo.Annotations.Polygonize;

/// <summary>Boundary chains of the scanline engine: junctions at diagonal pinches, joins, list cells and the free lists of its records.</summary>
internal sealed partial class ScanlineEngine<T>
{
    /// <summary>Resolves across the junctions of <paramref name="list"/> whose two pixels now share <paramref name="root"/>.</summary>
    private void ResolveAcross(int list, int root)
    {
        // Resolved junctions stay listed: the component's tracing asks for their decisions. So the list lengths stay
        // true and each cell is walked O(log n) times over all unions (it is walked only from the shorter list).
        for (int c = _components[list].JunctionHead; c != None; c = _cells[c].Next)
        {
            int j = _cells[c].Value;
            if (!_junctions[j].Resolved && Find(_junctions[j].A) == root && Find(_junctions[j].B) == root)
            {
                Resolve(j, across: true);
            }
        }
    }

    private void AddJunction(int x, int y, int diagonal, int arriving0, int arriving1, int around0, int around1, int slotA, int slotB)
    {
        int j = Take(ref _junctions, ref _junctionRecords, ref _junctionFree);
        if (_junctionEnds.Length < 4 * _junctions.Length)
        {
            Array.Resize(ref _junctionEnds, 4 * _junctions.Length);
        }

        _junctions[j] = new Junction { X = x, Y = y, A = slotA, B = slotB, Diagonal = diagonal };
        _junctionEnds[4 * j] = arriving0;
        _junctionEnds[(4 * j) + 1] = arriving1;
        _junctionEnds[(4 * j) + 2] = around0;
        _junctionEnds[(4 * j) + 3] = around1;
        SetHead(arriving0, ((4 * j) << 2) | TagJunction);
        SetHead(arriving1, (((4 * j) + 1) << 2) | TagJunction);

        int a = Find(slotA);
        int b = Find(slotB);
        if (a == b)
        {
            // Decided now, but kept until the component is traced, which asks for the decision.
            Resolve(j, across: true);
            _junctions[j].Refs = 1;
            AddJunctionCell(a, j);
            return;
        }

        _junctions[j].Refs = 2;
        AddJunctionCell(a, j);
        AddJunctionCell(b, j);
    }

    private void AddJunctionCell(int root, int j)
    {
        int c = NewCell(j);
        if (_components[root].JunctionHead == None)
        {
            _components[root].JunctionHead = c;
        }
        else
        {
            _cells[_components[root].JunctionTail].Next = c;
        }

        _components[root].JunctionTail = c;
        _components[root].JunctionCount++;
    }

    private void ReleaseJunction(int j)
    {
        if (--_junctions[j].Refs == 0)
        {
            Give(_junctions, ref _junctionFree, j);
        }
    }

    private void Resolve(int j, bool across)
    {
        _junctions[j].Resolved = true;
        _junctions[j].Across = across;
        int e = 4 * j;

        // The leaving ends are tails, which joins never move; an arriving end is re-read after the first join, which
        // may have handed it the first chain (when the second arriving chain was the first join's leaving one).
        int around0 = _junctionEnds[e + 2];
        int around1 = _junctionEnds[e + 3];
        Join(_junctionEnds[e], across ? around1 : around0);
        Join(_junctionEnds[e + 1], across ? around0 : around1);
    }

    /// <summary>Continues chain <paramref name="a"/> (its head at the corner) with chain <paramref name="b"/> (its tail there).</summary>
    private void Join(int a, int b)
    {
        if (a == b)
        {
            CloseRing(a);
            return;
        }

        _chains[a].Start = Math.Min(_chains[a].Start, _chains[b].Start);
        SetHead(a, _chains[b].HeadSlot);
        FreeChain(b);
    }

    private void CloseRing(int chain)
    {
        int root = Find(_chains[chain].Component);
        int c = NewCell(None);
        _cells[c].Key = _chains[chain].Start;
        if (_components[root].RingHead == None)
        {
            _components[root].RingHead = c;
        }
        else
        {
            _cells[_components[root].RingTail].Next = c;
        }

        _components[root].RingTail = c;
        FreeChain(chain);
    }

    /// <summary>Records that <paramref name="chain"/>'s head is held by the slot <paramref name="code"/>, and stores it there.</summary>
    private void SetHead(int chain, int code)
    {
        _chains[chain].HeadSlot = code;
        int index = code >> 2;
        switch (code & 3)
        {
            case TagCarryHead:
                _carryHead = chain;
                break;
            case TagJunction:
                _junctionEnds[index] = chain;
                break;
            default:
                ((code & 3) == _above.Tag ? _above : _below).RightHead[index] = chain;
                break;
        }
    }

    private int NewChain(int component)
    {
        int c = Take(ref _chains, ref _chainCount, ref _chainFree);
        _chains[c] = new Chain { Start = long.MaxValue, HeadSlot = None, Component = component };
        return c;
    }

    private void FreeChain(int c) => Give(_chains, ref _chainFree, c);

    private int NewCell(int value)
    {
        int c = Take(ref _cells, ref _cellCount, ref _cellFree);
        _cells[c] = new Cell { Value = value, Next = None };
        return c;
    }

    private void FreeCell(int c) => Give(_cells, ref _cellFree, c);

    /// <summary>
    /// A record index from the free list <paramref name="free"/> if it has one, else the next unused one of
    /// <paramref name="items"/> (doubled when full). The caller initializes the record.
    /// </summary>
    private static int Take<TItem>(ref TItem[] items, ref int used, ref int free)
        where TItem : struct, IFreeLink
    {
        if (free != None)
        {
            int i = free;
            free = items[i].FreeLink;
            return i;
        }

        if (used == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        return used++;
    }

    /// <summary>Puts record <paramref name="i"/> on the free list <paramref name="free"/>, threaded through its own link field.</summary>
    private static void Give<TItem>(TItem[] items, ref int free, int i)
        where TItem : struct, IFreeLink
    {
        items[i].FreeLink = free;
        free = i;
    }

    /// <summary>A record whose free list runs through one of its fields, unused while the record is free.</summary>
    private interface IFreeLink
    {
        int FreeLink { get; set; }
    }

    /// <summary>A component slot: a union-find node, and for roots the component's pixel count, class value, order number, last labelled row and lists.</summary>
    private struct Component : IFreeLink
    {
        public long Pixels;
        public int Parent;
        public int Value;
        public int Order;
        public int Stamp;
        public int MemberNext;
        public int MemberTail;
        public int RingHead;
        public int RingTail;
        public int JunctionHead;
        public int JunctionTail;
        public int JunctionCount;

        int IFreeLink.FreeLink { readonly get => MemberNext; set => MemberNext = value; }
    }

    /// <summary>A pinch corner waiting for its pairing; <see cref="Refs"/> counts the list cells naming it (the free-list link when free).</summary>
    private struct Junction : IFreeLink
    {
        public int X;
        public int Y;
        public int A;
        public int B;
        public int Refs;
        public int Diagonal;
        public bool Resolved;
        public bool Across;

        int IFreeLink.FreeLink { readonly get => Refs; set => Refs = value; }
    }

    /// <summary>A list cell: a junction (junction lists) or a closed ring's start key (ring lists).</summary>
    private struct Cell : IFreeLink
    {
        public long Key;
        public int Value;
        public int Next;

        int IFreeLink.FreeLink { readonly get => Next; set => Next = value; }
    }

    /// <summary>An open boundary chain: where its head is held, its component, and the earliest eastward segment start on it (row-major key), which becomes its ring's start.</summary>
    private struct Chain : IFreeLink
    {
        public long Start;
        public int HeadSlot;
        public int Component;

        int IFreeLink.FreeLink { readonly get => HeadSlot; set => HeadSlot = value; }
    }

    /// <summary>The runs of one row: starts (with the width after the last), values, component slots (or none for pixels never polygonized) and the chains waiting at each run's sides.</summary>
    private sealed class RowRuns(int width, int tag)
    {
        public int Tag { get; } = tag;

        public int Count { get; set; }

        public int[] Start { get; } = new int[width + 1];

        public int[] Value { get; } = new int[width];

        public int[] Slot { get; } = new int[width];

        /// <summary>Gets, per run, the chain whose tail is the bottom of the run's west side (walked northward).</summary>
        public int[] LeftTail { get; } = new int[width];

        /// <summary>Gets, per run, the chain whose head is the bottom of the run's east side (walked southward).</summary>
        public int[] RightHead { get; } = new int[width];
    }
}
