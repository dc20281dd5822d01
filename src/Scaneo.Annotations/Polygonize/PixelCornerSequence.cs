using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// An XY ring of pixel corners kept as integers in a shared chunk and mapped through the geotransform when read, which
/// matters on masks with hundreds of thousands of tiny regions. The ring's edges run along pixel edges and turn at
/// every corner, so they alternate between horizontal and vertical, and each corner changes one coordinate of the
/// previous one: a ring of n corners is stored as n + 1 integers (the first corner's two coordinates, then the one
/// each further corner changes), a quarter of the memory of packed doubles. Reads give exactly the doubles the
/// polygonizer would otherwise store (same formula, same operation order). A write turns the sequence into its own
/// packed doubles.
/// </summary>
internal sealed class PixelCornerSequence : XYCoordinateSequence
{
    private readonly Chunk _chunk;
    private readonly int _offset;
    private double[]? _edited;

    /// <summary>Initializes a closed ring over <paramref name="corners"/> corner pairs at <paramref name="offset"/> (the closing vertex is implied).</summary>
    public PixelCornerSequence(Chunk chunk, int offset, int corners)
        : base(corners + 1)
    {
        _chunk = chunk;
        _offset = offset;
    }

    /// <summary>
    /// Where vertex <paramref name="index"/>'s x (<paramref name="ordinate"/> 0) or y (1) is stored: values 0 and 1
    /// are the first corner's coordinates (x first unless the chunk's parity is 1), value k ≥ 2 the coordinate that
    /// corner k − 1 changed. Corners alternate which coordinate they change, so corner i's x is value i or i + 1,
    /// and its y the other one.
    /// </summary>
    private int At(int index, int ordinate)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "must be a vertex index of the ring.");
        }

        // The closing vertex repeats the first corner. Parity 0: corner 0's x is stored first and edge 0 is
        // horizontal; the chunk's parity flips that for rings stored with a vertical first edge.
        int i = index == Count - 1 ? 0 : index;
        return _offset + i + ((i ^ ordinate ^ _chunk.Parity) & 1);
    }

    public override double GetX(int index)
    {
        if (_edited is not null)
        {
            return _edited[2 * index];
        }

        Chunk c = _chunk;
        return c.C + (c.Corners[At(index, 0)] * c.A) + (c.Corners[At(index, 1)] * c.B);
    }

    public override double GetY(int index)
    {
        if (_edited is not null)
        {
            return _edited[(2 * index) + 1];
        }

        Chunk c = _chunk;
        return c.F + (c.Corners[At(index, 0)] * c.D) + (c.Corners[At(index, 1)] * c.E);
    }

    public override void SetOrdinate(int index, int ordinateIndex, double value)
    {
        if (ordinateIndex is not (0 or 1))
        {
            return;
        }

        if (_edited is null)
        {
            var edited = new double[2 * Count];
            for (int i = 0; i < Count; i++)
            {
                edited[2 * i] = GetX(i);
                edited[(2 * i) + 1] = GetY(i);
            }

            _edited = edited;
        }

        _edited[(2 * index) + ordinateIndex] = value;
    }

    public override Envelope ExpandEnvelope(Envelope env)
    {
        // The closing vertex repeats the first one.
        for (int i = 0; i < Count - 1; i++)
        {
            env.ExpandToInclude(GetX(i), GetY(i));
        }

        return env;
    }

    public override CoordinateSequence Copy()
    {
        var coords = new double[2 * Count];
        for (int i = 0; i < Count; i++)
        {
            coords[2 * i] = GetX(i);
            coords[(2 * i) + 1] = GetY(i);
        }

        return new PackedDoubleCoordinateSequence(coords, 2, 0);
    }

    /// <summary>The corners of many rings and the geotransform that maps them.</summary>
    internal sealed class Chunk(int capacity, GeoTransform gt)
    {
        // Uninitialized: each sequence reads only corners written before it was created.
        public int[] Corners { get; } = GC.AllocateUninitializedArray<int>(capacity);

        public int Used { get; set; }

        /// <summary>Gets 0 when the chunk's rings start with a horizontal edge, 1 when with a vertical one (rings walked backwards).</summary>
        public int Parity { get; private set; } = -1;

        /// <summary>The integers a ring of <paramref name="corners"/> corners takes.</summary>
        public static int Length(int corners) => corners + 1;

        /// <summary>
        /// Stores a ring of <paramref name="n"/> (x, y) corners, walked backwards from the first one when
        /// <paramref name="backwards"/>, and returns its offset for a <see cref="PixelCornerSequence"/>. Every ring of a
        /// chunk is walked the same way.
        /// </summary>
        /// <exception cref="InvalidOperationException">The corners do not alternate between horizontal and vertical edges.</exception>
        public int Append(ReadOnlySpan<int> vertices, int n, bool backwards)
        {
            // Traced rings start with a horizontal edge; walked backwards, they start with their last, vertical edge.
            int parity = vertices[backwards ? (2 * n) - 1 : 3] == vertices[1] ? 0 : 1;
            if (Parity == -1)
            {
                Parity = parity;
            }
            else if (Parity != parity)
            {
                throw new InvalidOperationException("Polygonizer invariant broken: rings of one chunk start with edges of different directions.");
            }

            int offset = Used;
            Span<int> stored = Corners.AsSpan(offset, n + 1);
            stored[parity] = vertices[0];
            stored[1 - parity] = vertices[1];
            int previousX = vertices[0];
            int previousY = vertices[1];
            for (int i = 1; i < n; i++)
            {
                int src = 2 * (backwards ? n - i : i);
                int x = vertices[src];
                int y = vertices[src + 1];

                // Corner i changes x when (i + parity) is odd: its stored value is that coordinate.
                bool changesX = ((i + parity) & 1) == 1;
                if ((changesX ? y != previousY || x == previousX : x != previousX || y == previousY))
                {
                    throw new InvalidOperationException("Polygonizer invariant broken: a ring's edges do not alternate between horizontal and vertical.");
                }

                stored[i + 1] = changesX ? x : y;
                previousX = x;
                previousY = y;
            }

            // The closing edge returns to the first corner: it changes the coordinate that corner n would.
            bool closesX = ((n + parity) & 1) == 1;
            if ((closesX ? vertices[1] != previousY : vertices[0] != previousX))
            {
                throw new InvalidOperationException("Polygonizer invariant broken: a ring's edges do not alternate between horizontal and vertical.");
            }

            Used = offset + n + 1;
            return offset;
        }

        public double A { get; } = gt.A;

        public double B { get; } = gt.B;

        public double C { get; } = gt.C;

        public double D { get; } = gt.D;

        public double E { get; } = gt.E;

        public double F { get; } = gt.F;
    }
}
