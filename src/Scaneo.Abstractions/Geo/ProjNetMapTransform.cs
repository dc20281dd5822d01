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

        // Point by point on purpose: ProjNET's span overload takes another code path for concatenated transforms
        // (e.g. SIRGAS 2000 / UTM 25S → WGS 84) whose results differ from the scalar path in the last bits, so the
        // closing vertex of a ring no longer equals its first and NetTopologySuite refuses the ring.
        for (int i = 0; i < x.Length; i++)
        {
            double px = x[i], py = y[i];
            math.Transform(ref px, ref py);
            x[i] = px;
            y[i] = py;
        }
    }
}
