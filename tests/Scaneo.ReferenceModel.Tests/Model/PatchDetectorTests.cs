using Scaneo.ReferenceModel.Model;

namespace Scaneo.ReferenceModel.Tests.Model;

public class PatchDetectorTests
{
    [Fact]
    public void Detect_TwoPatchesAndSpeck_ReturnsBoxesOfPatchesOnly()
    {
        var image = TestImages.FromMap(
            "wwwbbbb",
            "wwwbbvv",
            "bbbbbvv",
            "bbwbbvv");
        var scores = SpectralBaseline.Score(image, TestImages.Options());

        var patches = PatchDetector.Detect(scores, minPatchPixels: 2, PixelConnectivity.Eight, maxPatches: 10);

        Assert.Equal(2, patches.Count);
        Patch water = patches.Single(p => p.ClassIndex == ReferenceClasses.Water);
        Assert.Equal((0, 0, 3, 2, 6), (water.X1, water.Y1, water.X2, water.Y2, water.PixelCount));
        Patch vegetation = patches.Single(p => p.ClassIndex == ReferenceClasses.Vegetation);
        Assert.Equal((5, 1, 7, 4, 6), (vegetation.X1, vegetation.Y1, vegetation.X2, vegetation.Y2, vegetation.PixelCount));
        Assert.True(water.MeanScores[ReferenceClasses.Water] > 0.9);
        Assert.Equal(1.0, vegetation.MeanScores.Sum(), 6);
    }

    [Fact]
    public void Detect_DiagonalChain_OnePatchWithEightConnectivityThreeWithFour()
    {
        var image = TestImages.FromMap(
            "wbb",
            "bwb",
            "bbw");
        var scores = SpectralBaseline.Score(image, TestImages.Options());

        Assert.Single(PatchDetector.Detect(scores, 1, PixelConnectivity.Eight, 10));
        Assert.Equal(3, PatchDetector.Detect(scores, 1, PixelConnectivity.Four, 10).Count);
    }

    [Fact]
    public void Detect_MorePatchesThanLimit_KeepsLargestFirst()
    {
        var image = TestImages.FromMap(
            "wbvvbw",
            "bbvvbw");
        var scores = SpectralBaseline.Score(image, TestImages.Options());

        var patches = PatchDetector.Detect(scores, 1, PixelConnectivity.Four, maxPatches: 2);

        Assert.Equal([4, 2], patches.Select(p => p.PixelCount));
    }
}
