using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// An XY coordinate sequence over a slice of a large shared buffer. The polygonizer packs many rings into one
/// buffer so that hundreds of thousands of small rings do not each cost an array the garbage collector must copy.
/// </summary>
internal sealed class SliceCoordinateSequence : XYCoordinateSequence
{
    private readonly double[] _buffer;
    private readonly int _offset;

    public SliceCoordinateSequence(double[] buffer, int offset, int count)
        : base(count)
    {
        _buffer = buffer;
        _offset = offset;
    }

    public override double GetX(int index) => _buffer[_offset + (2 * index)];

    public override double GetY(int index) => _buffer[_offset + (2 * index) + 1];

    public override void SetOrdinate(int index, int ordinateIndex, double value)
    {
        if (ordinateIndex is 0 or 1)
        {
            _buffer[_offset + (2 * index) + ordinateIndex] = value;
        }
    }

    public override Envelope ExpandEnvelope(Envelope env)
    {
        for (int i = 0; i < Count; i++)
        {
            env.ExpandToInclude(GetX(i), GetY(i));
        }

        return env;
    }

    public override CoordinateSequence Copy() =>
        new PackedDoubleCoordinateSequence(_buffer.AsSpan(_offset, 2 * Count).ToArray(), 2, 0);
}
