using ProjNet.CoordinateSystems.Transformations;

namespace Scaneo.Geo;

/// <summary>An <see cref="IMapTransform"/> over a ProjNET math transform.</summary>
internal sealed class ProjNetMapTransform(CrsReference source, CrsReference target, MathTransform math) : IMapTransform
{
    public CrsReference Source { get; } = source;

    public CrsReference Target { get; } = target;

    public (double X, double Y) Transform(double x, double y)
    {
        math.Transform(ref x, ref y);
        return (x, y);
    }

    public void Transform(Span<double> x, Span<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; expected the same count.", nameof(y));
        }

        if (x.Length > 0)
        {
            math.Transform(x, y, 1, 1);
        }
    }
}
