using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// 8-connectivity in the scanline engine: 4-connected components that touch diagonally form one region, a group, as
/// in the tracing engine. Each component is walked into its polygon when it completes; the group waits for its last
/// open member and leaves as that polygon, or as a multipolygon of its members' in first-pixel order.
/// </summary>
internal sealed partial class ScanlineEngine<T>
{
    private int NewGroup(int order, int value)
    {
        int g = Take(ref _groups, ref _groupCount, ref _groupFree);
        _groups[g] = new Group { Parent = g, Order = order, Value = value, Live = 1, PartHead = None, PartTail = None, MemberNext = None, MemberTail = g };
        if (_scope != ScanlineScope.Whole)
        {
            SetGroupScope(g, ScopeFlags.None);
        }

        return g;
    }

    private int FindGroup(int g) => FindRoot(_groups, g);

    /// <summary>Merges two group roots; the one with the earlier first pixel stays the root, and the other's place in the output order is given up.</summary>
    private int UnionGroups(int a, int b)
    {
        if (a == b)
        {
            return a;
        }

        if (_groups[b].Order < _groups[a].Order)
        {
            (a, b) = (b, a);
        }

        _groups[b].Parent = a;
        _groups[a].Live += _groups[b].Live;
        _groups[a].Pixels += _groups[b].Pixels;
        if (_scope != ScanlineScope.Whole)
        {
            SetGroupScope(a, GroupScope(a) | GroupScope(b));
        }

        SetOrderState(_groups[b].Order, Dead, default);
        _groups[_groups[a].MemberTail].MemberNext = b;
        _groups[a].MemberTail = _groups[b].MemberTail;
        Concatenate(_parts, ref _groups[a].PartHead, ref _groups[a].PartTail, _groups[b].PartHead, _groups[b].PartTail);

        return a;
    }

    /// <summary>Walks the complete component <paramref name="root"/> into a polygon kept by its group, and completes the group when it was its last open member.</summary>
    private void CompleteMember(int root)
    {
        int g = FindGroup(_components[root].Group);
        if ((GroupScope(g) & ScopeFlags.Edge) != 0)
        {
            // A strip or window sees only part of this group, maybe of this member too: the group is not built here.
            FreeSegmentStarts(root);
        }
        else
        {
            Polygon polygon = BuildPolygon(root);
            int part = Take(ref _parts, ref _partCount, ref _partFree);
            _parts[part] = new Part { Polygon = polygon, Order = _components[root].Order, Next = None };
            Append(_parts, ref _groups[g].PartHead, ref _groups[g].PartTail, part);
        }

        _groups[g].Pixels += _components[root].Pixels;
        if (--_groups[g].Live > 0)
        {
            return;
        }

        _groupParts.Clear();
        for (int p = _groups[g].PartHead; p != None;)
        {
            int next = _parts[p].Next;
            _groupParts.Add((_parts[p].Order, _parts[p].Polygon!));
            _parts[p].Polygon = null;
            Give(_parts, ref _partFree, p);
            p = next;
        }

        ref Group group = ref _groups[g];
        if ((_minimumPixels > 0 && group.Pixels < _minimumPixels) || !InScope(GroupScope(g)))
        {
            SetOrderState(group.Order, Dropped, default);
        }
        else if (_groupParts.Count == 1)
        {
            SetOrderState(group.Order, Ready, new PolygonizedRegion(group.Value, _groupParts[0].Polygon, group.Pixels));
        }
        else
        {
            // Members in the order of their first pixels, as the tracing engine lists them.
            _groupParts.Sort(static (p, q) => p.Order.CompareTo(q.Order));
            var polygons = new Polygon[_groupParts.Count];
            for (int i = 0; i < polygons.Length; i++)
            {
                polygons[i] = _groupParts[i].Polygon;
            }

            SetOrderState(group.Order, Ready, new PolygonizedRegion(group.Value, _factory.CreateMultiPolygon(polygons), group.Pixels));
        }

        // The root heads the list of every group slot merged into it.
        int head = g;
        GiveList(_groups, ref _groupFree, ref head, ref _groups[g].MemberTail);
    }

    /// <summary>A group slot: a union-find node, and for roots the group's first-pixel order, value, open member count, pixels of its completed members and their polygons.</summary>
    private struct Group : ILinked, IUnionFindNode
    {
        public long Pixels;
        public int Parent;
        public int Order;
        public int Value;
        public int Live;
        public int PartHead;
        public int PartTail;
        public int MemberNext;
        public int MemberTail;

        int ILinked.Link { readonly get => MemberNext; set => MemberNext = value; }

        int IUnionFindNode.Parent { readonly get => Parent; set => Parent = value; }
    }

    /// <summary>A completed member's polygon waiting for its group, with the member's first-pixel order.</summary>
    private struct Part : ILinked
    {
        public Polygon? Polygon;
        public int Order;
        public int Next;

        int ILinked.Link { readonly get => Next; set => Next = value; }
    }
}
