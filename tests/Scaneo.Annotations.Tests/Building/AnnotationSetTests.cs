using Scaneo.Annotations.Building;

namespace Scaneo.Annotations.Tests.Building;

public class AnnotationSetTests
{
    private static readonly NetTopologySuite.Geometries.Polygon Box = TestData.Box(10, 49.9, 10.01, 49.91);

    [Fact]
    public void Merge_ModelRerun_ReplacesThatModelsPredictionsOnThatImageOnly()
    {
        var set = new AnnotationSet(
        [
            TestData.Predicted("old-1", "water", AnnotationKind.Detection, Box),
            TestData.Predicted("old-2", "urban", AnnotationKind.Detection, Box),
            TestData.Predicted("other-model", "urban", AnnotationKind.Detection, Box, model: "yolo"),
            TestData.Predicted("other-image", "urban", AnnotationKind.Detection, Box, image: "b.tif"),
            TestData.Human("h1", "forest", AnnotationKind.Detection, Box),
        ]);

        var merged = set.Merge([TestData.Predicted("new-1", "water", AnnotationKind.Detection, Box)]);

        Assert.Equal(["other-model", "other-image", "h1", "new-1"], merged.Select(a => a.Id));
    }

    [Fact]
    public void Merge_KeepBoth_KeepsEarlierPredictionsAndRenamesCollidingIds()
    {
        var set = new AnnotationSet([TestData.Predicted("p1", "water", AnnotationKind.Detection, Box)]);

        var merged = set.Merge([TestData.Predicted("p1", "urban", AnnotationKind.Detection, Box), TestData.Predicted("p9", "urban", AnnotationKind.Detection, Box)], AnnotationMergePolicy.KeepBoth);

        Assert.Equal(["p1", "p1-2", "p9"], merged.Select(a => a.Id));
        Assert.Equal("water", merged[0].Label);
    }

    [Fact]
    public void Merge_PredictionWithIdOfHumanEdit_NeverOverwritesIt()
    {
        var edited = TestData.Predicted("p1", "water", AnnotationKind.Detection, Box).EditedBy("urban", Box, TestData.Now.AddMinutes(5));
        var set = new AnnotationSet([edited]);

        var merged = set.Merge([TestData.Predicted("p1", "water", AnnotationKind.Detection, Box)]);

        var only = Assert.Single(merged);
        Assert.True(only.Provenance.IsHuman);
        Assert.Equal("urban", only.Label);
    }

    [Fact]
    public void Merge_HumanAnnotation_ReplacesTheAnnotationWithItsId()
    {
        var set = new AnnotationSet([TestData.Predicted("p1", "water", AnnotationKind.Detection, Box)]);

        var merged = set.Merge([TestData.Human("p1", "forest", AnnotationKind.Detection, Box)]);

        Assert.Equal("forest", Assert.Single(merged).Label);
    }

    [Fact]
    public void Constructor_DuplicateIds_Throws()
    {
        Assert.Throws<ScaneoValidationException>(() => new AnnotationSet([TestData.Human("a", "water", AnnotationKind.Classification, null), TestData.Human("a", "urban", AnnotationKind.Classification, null)]));
    }
}
