using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// An XY ring of pixel corners kept as integer (column, row) pairs in a shared chunk and mapped through the
/// geotransform when read: half the memory of packed doubles and no closing vertex, which matters on masks with
/// hundreds of thousands of tiny regions. Reads give exactly the doubles the polygonizer would otherwise store
/// (same formula, same operation order). A write turns the sequence into its own packed doubles.
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

    public override double GetX(int index)
    {
        if (_edited is not null)
        {
            return _edited[2 * index];
        }

        int j = Corner(index);
        Chunk c = _chunk;
        return c.C + (c.Corners[j] * c.A) + (c.Corners[j + 1] * c.B);
    }

    public override double GetY(int index)
    {
        if (_edited is not null)
        {
            return _edited[(2 * index) + 1];
        }

        int j = Corner(index);
        Chunk c = _chunk;
        return c.F + (c.Corners[j] * c.D) + (c.Corners[j + 1] * c.E);
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

    private int Corner(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "must be a vertex index of the ring.");
        }

        return _offset + (2 * (index == Count - 1 ? 0 : index));
    }

    /// <summary>Corner pairs of many rings and the geotransform that maps them.</summary>
    internal sealed class Chunk(int capacity, GeoTransform gt)
    {
        // Uninitialized: each sequence reads only corners written before it was created.
        public int[] Corners { get; } = GC.AllocateUninitializedArray<int>(capacity);

        public int Used { get; set; }

        public double A { get; } = gt.A;

        public double B { get; } = gt.B;

        public double C { get; } = gt.C;

        public double D { get; } = gt.D;

        public double E { get; } = gt.E;

        public double F { get; } = gt.F;
    }
}
