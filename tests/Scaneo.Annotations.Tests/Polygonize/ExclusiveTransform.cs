using Scaneo.Geo;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>A reprojection (a shift) that records whether two threads ever ran it at once.</summary>
internal sealed class ExclusiveTransform(CrsReference source) : IMapTransform
{
    private int _inside;

    public CrsReference Source { get; } = source;

    public CrsReference Target { get; } = CrsReference.FromEpsg(4326);

    public bool Overlapped { get; private set; }

    public int Calls { get; private set; }

    public (double X, double Y) Transform(double x, double y) => (x * 1e-5, y * 1e-5);

    public void Transform(Span<double> x, Span<double> y)
    {
        if (Interlocked.Increment(ref _inside) != 1)
        {
            Overlapped = true;
        }

        Calls++;
        for (int i = 0; i < x.Length; i++)
        {
            (x[i], y[i]) = Transform(x[i], y[i]);
        }

        Thread.SpinWait(50);
        Interlocked.Decrement(ref _inside);
    }
}
