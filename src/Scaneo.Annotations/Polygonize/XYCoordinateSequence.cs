using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The part the polygonizer's compact XY sequences share: everything NTS asks of a sequence, expressed through
/// <see cref="CoordinateSequence.GetX"/> and <see cref="CoordinateSequence.GetY"/>, so each storage layout only
/// says how it finds an ordinate.
/// </summary>
internal abstract class XYCoordinateSequence(int count) : CoordinateSequence(count, 2, 0)
{
    public sealed override double GetOrdinate(int index, int ordinateIndex) => ordinateIndex switch
    {
        0 => GetX(index),
        1 => GetY(index),
        _ => double.NaN,
    };

    public sealed override Coordinate GetCoordinate(int i) => new(GetX(i), GetY(i));

    public sealed override Coordinate GetCoordinateCopy(int i) => new(GetX(i), GetY(i));

    public sealed override void GetCoordinate(int index, Coordinate coord)
    {
        coord.X = GetX(index);
        coord.Y = GetY(index);
    }
}
