using Scaneo.ReferenceModel.Model;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Tests.Model;

public class RegionGrowerTests
{
    [Fact]
    public void Grow_SeedInWaterBody_CoversExactlyTheConnectedWater()
    {
        var image = TestImages.FromMap(
            "wwbbw",
            "wwbbw",
            "bbbbb");

        bool[] region = RegionGrower.Grow(image, [(0.5, 0.5)], tolerance: 1.0);

        bool[] expected =
        [
            true, true, false, false, false,
            true, true, false, false, false,
            false, false, false, false, false,
        ];
        Assert.Equal(expected, region);
    }

    [Fact]
    public void Grow_TwoSeeds_CoversBothBodies()
    {
        var image = TestImages.FromMap("wbw");

        bool[] region = RegionGrower.Grow(image, [(0, 0), (2, 0)], tolerance: 0.5);

        Assert.Equal([true, false, true], region);
    }

    [Fact]
    public void Grow_PointOutsideImage_ThrowsValidationNamingPoint()
    {
        var image = new RasterBuffer<byte>(4, 3, 3);

        var ex = Assert.Throws<ScaneoValidationException>(() => RegionGrower.Grow(image, [(1, 1), (4, 0)], 1.0));

        Assert.Equal("points[1]", ex.Field);
    }

    [Fact]
    public void Grow_NoPoints_ThrowsValidation()
    {
        Assert.Throws<ScaneoValidationException>(() => RegionGrower.Grow(new RasterBuffer<byte>(2, 2), [], 1.0));
    }
}
