using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Geo;

public class ReprojectionTests
{
    /// <summary>
    /// Reference values from PROJ 9.1 via pyproj 3.4.1:
    /// <c>Transformer.from_crs(code, 4326, always_xy=True).transform(x, y)</c>, across UTM zones north and south
    /// (edges at 166 km / 834 km easting, ~6° from the central meridian), SIRGAS 2000, ETRS89, NAD83, Web Mercator.
    /// </summary>
    public static TheoryData<int, double, double, double, double> ProjPoints() => new()
    {
        { 32631, 166021.44, 0.0, -2.7645843664417704e-08, 0.0 },
        { 32631, 500000, 4649776.22, 2.9999999999999916, 41.99999995659526 },
        { 32631, 833978.56, 6000000, 8.102017333014638, 54.039805332015035 },
        { 32631, 300000, 2000000, 1.1101893329514787, 18.07945474895405 },
        { 32633, 500000, 100000, 14.999999999999982, 0.9047306145549439 },
        { 32633, 700000, 5500000, 17.769057747213868, 49.61941719188828 },
        { 32633, 250000, 7000000, 10.053532401065551, 63.04293184773047 },
        { 32723, 500000, 9999999, -45.0, -9.047313695982213e-06 },
        { 32723, 200000, 7500000, -47.91751776307032, -22.580346054471935 },
        { 32723, 800000, 8000000, -42.16599160684817, -18.067898342872873 },
        { 32723, 400000, 6500000, -46.05447118583476, -31.630831796990766 },
        { 32760, 500000, 5000000, 176.99999999999997, -45.153477183356024 },
        { 32760, 690000, 9000000, 178.728575592772, -9.042487152185972 },
        { 31985, 288776.25, 9120760.75, -34.91616553524824, -7.949822107110884 },
        { 31985, 298723, 9110728, -34.82636692839199, -8.040933830157936 },
        { 31985, 500000, 9000000, -33.00000000000001, -9.046562464063586 },
        { 31985, 166000, 9500000, -36.00948753642298, -4.517308132820096 },
        { 25832, 500000, 5500000, 9.0, 49.65254292355683 },
        { 25832, 300000, 6000000, 5.940406316595366, 54.10920644875386 },
        { 25832, 700000, 5200000, 11.627001397654102, 46.92338122085982 },
        { 26915, 500000, 4500000, -92.99999999999999, 40.65085651660554 },
        { 26915, 300000, 3300000, -95.06959008487873, 29.814255053991825 },
        { 26915, 690000, 5200000, -90.504217805493, 46.92631882800975 },
        { 3857, 0, 0, 0.0, 0.0 },
        { 3857, 1113194.9, 6274861.4, 9.999999928739022, 49.00000003532212 },
        { 3857, -8238310, 4970072, -74.00599788314695, 40.712802865672934 },
        { 3857, 15000000, -4000000, 134.7472926179282, -33.78523007002313 },
    };

    [Theory]
    [MemberData(nameof(ProjPoints))]
    public void ToWgs84_KnownCrs_WithinOneCentimetreOfProj(int epsg, double x, double y, double lon, double lat)
    {
        var (actualLon, actualLat) = Reprojection.ToWgs84(CrsReference.FromEpsg(epsg)).Transform(x, y);

        double northError = (actualLat - lat) * 111_320;
        double eastError = (actualLon - lon) * 111_320 * Math.Cos(lat * Math.PI / 180);
        Assert.True(Math.Abs(northError) <= 0.01 && Math.Abs(eastError) <= 0.01, $"off by {eastError:F4} m east, {northError:F4} m north");
    }

    [Theory]
    [MemberData(nameof(ProjPoints))]
    public void Create_FromWgs84_WithinOneCentimetreOfProj(int epsg, double x, double y, double lon, double lat)
    {
        double[] xs = [lon, lon];
        double[] ys = [lat, lat];

        Reprojection.Create(CrsReference.Wgs84, CrsReference.FromEpsg(epsg)).Transform(xs, ys);

        Assert.InRange(Math.Abs(xs[0] - x), 0, 0.01);
        Assert.InRange(Math.Abs(ys[1] - y), 0, 0.01);
    }

    [Fact]
    public void Create_UnknownEpsg_ThrowsCrsNotSupportedSayingHowToSupplyWkt()
    {
        var ex = Assert.Throws<CrsNotSupportedException>(() => Reprojection.ToWgs84(CrsReference.FromEpsg(2154)));

        Assert.Contains("EPSG:2154", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CrsReference.FromWkt", ex.Message, StringComparison.Ordinal);
        Assert.False(Reprojection.IsSupported(CrsReference.FromEpsg(2154)));
    }

    [Fact]
    public void Create_GarbageWkt_ThrowsCrsNotSupported()
    {
        Assert.Throws<CrsNotSupportedException>(() => Reprojection.ToWgs84(CrsReference.FromWkt("PROJCS[\"broken\"")));
    }

    [Fact]
    public void Create_AnyWkt_IsUsed()
    {
        // EPSG:2154 (RGF93 / Lambert-93) as WKT1; PROJ: (700000, 6600000) → (3.0, 46.5).
        const string lambert93 = "PROJCS[\"RGF93 / Lambert-93\",GEOGCS[\"RGF93\",DATUM[\"Reseau_Geodesique_Francais_1993\",SPHEROID[\"GRS 1980\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",49],PARAMETER[\"standard_parallel_2\",44],PARAMETER[\"latitude_of_origin\",46.5],PARAMETER[\"central_meridian\",3],PARAMETER[\"false_easting\",700000],PARAMETER[\"false_northing\",6600000],UNIT[\"metre\",1]]";

        var (lon, lat) = Reprojection.ToWgs84(CrsReference.FromWkt(lambert93)).Transform(700000, 6600000);

        Assert.Equal(3.0, lon, 7);
        Assert.Equal(46.5, lat, 7);
    }

    [Fact]
    public void Transform_Geometry_ReprojectsEveryVertexAndSetsSrid()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 31985);
        var polygon = factory.CreatePolygon([new(288776.25, 9120760.75), new(298723, 9110728), new(500000, 9000000), new(288776.25, 9120760.75)]);

        var result = Reprojection.Transform(polygon, Reprojection.ToWgs84(CrsReference.FromEpsg(31985)));

        Assert.Equal(4326, result.SRID);
        Assert.Equal(-34.91616553524824, result.Coordinates[0].X, 7);
        Assert.Equal(-8.040933830157936, result.Coordinates[1].Y, 7);
        Assert.Equal(-33.0, result.Coordinates[2].X, 7);
        Assert.Equal(288776.25, polygon.Coordinates[0].X);
    }

    [Fact]
    public void BoundsWgs84_LandsatSample_CoversItsFourCorners()
    {
        var info = RasterFile.ReadInfo(Path.Combine(AppContext.BaseDirectory, "TestData", "L7_ETMs.tif"));

        var bounds = RasterFootprint.BoundsWgs84(info);

        // PROJ: corners of the GDAL transform × (349, 352) transformed from EPSG:31985.
        Assert.NotNull(bounds);
        Assert.NotNull(bounds);
        Assert.Equal(-34.91658896148451, bounds.Value.MinLon, 7);
        Assert.Equal(-8.040927039130922, bounds.Value.MinLat, 7);
        Assert.Equal(-34.82596564380245, bounds.Value.MaxLon, 7);
        Assert.Equal(-7.949822106851124, bounds.Value.MaxLat, 7);
    }

    [Fact]
    public void BoundsWgs84_UnknownCrs_ReturnsNull()
    {
        var raster = new RasterBuffer<byte>(4, 4, 1, new GeoTransform(0, 1, 0, 0, 0, -1), CrsReference.FromEpsg(2154));

        Assert.Null(RasterFootprint.BoundsWgs84(raster));
    }
}
