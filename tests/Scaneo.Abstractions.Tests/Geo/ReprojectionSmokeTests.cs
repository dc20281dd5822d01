using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Geo;

public class ReprojectionSmokeTests
{
    [Fact]
    public void ToWgs84_Sirgas2000Utm25S_MatchesProj()
    {
        // pyproj 3.4.1 (PROJ 9.1): Transformer.from_crs(31985, 4326, always_xy=True).transform(288776.25, 9120760.75)
        var (lon, lat) = Reprojection.ToWgs84(CrsReference.FromEpsg(31985)).Transform(288776.25, 9120760.75);

        Assert.True(double.IsFinite(lon) && double.IsFinite(lat));
        Assert.InRange(lon, -35, -34.9);
        Assert.InRange(lat, -8, -7.9);
    }
}
