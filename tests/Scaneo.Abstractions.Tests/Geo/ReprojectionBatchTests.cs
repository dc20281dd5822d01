using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Geo;

public sealed class ReprojectionBatchTests
{
    // Regression: the span overload used ProjNET's batch path, which returned a different result for the closing
    // vertex of a ring than for its first vertex, and NTS then refused the ring as not closed.
    [Theory]
    [InlineData(31985)]
    [InlineData(32631)]
    [InlineData(3857)]
    public void Transform_Span_EqualsPointByPointAndRepeatsExactly(int epsg)
    {
        var transform = Reprojection.ToWgs84(CrsReference.FromEpsg(epsg));
        double x0 = epsg == 3857 ? -3_890_000 : 293_763.75, y0 = epsg == 3857 ? -890_000 : (epsg == 31985 ? 9_115_744.75 : 5_000_000);
        double[] xs = [x0, x0 + 28.5, x0 + 57, x0 + 28.5, x0];
        double[] ys = [y0, y0, y0 - 28.5, y0 - 57, y0];
        double[] bx = [.. xs], by = [.. ys];

        transform.Transform(bx, by);

        for (int i = 0; i < xs.Length; i++)
        {
            var (px, py) = transform.Transform(xs[i], ys[i]);
            Assert.Equal(px, bx[i]);
            Assert.Equal(py, by[i]);
        }

        Assert.Equal(bx[0], bx[^1]);
        Assert.Equal(by[0], by[^1]);
    }
}
