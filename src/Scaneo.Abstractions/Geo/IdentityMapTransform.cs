namespace Scaneo.Geo;

/// <summary>The transformation between a CRS and itself.</summary>
internal sealed class IdentityMapTransform(CrsReference crs) : IMapTransform
{
    public CrsReference Source { get; } = crs;

    public CrsReference Target { get; } = crs;

    public (double X, double Y) Transform(double x, double y) => (x, y);

    public void Transform(Span<double> x, Span<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; expected the same count.", nameof(y));
        }
    }
}
