using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Predictions;

public class PredictionTests
{
    private static readonly PixelBox Box = new(1, 2, 10, 20);

    [Fact]
    public void ClassificationPrediction_NoScores_Throws()
    {
        Assert.Equal("ClassificationPrediction.Scores", Assert.Throws<ScaneoValidationException>(() => new ClassificationPrediction([], ScoreKind.Probabilities)).Field);
        Assert.Throws<ArgumentNullException>(() => new ClassificationPrediction(null!, ScoreKind.Probabilities));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void ClassificationPrediction_NonFiniteScore_ThrowsNamingIndex(double bad)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ClassificationPrediction([0.1, bad], ScoreKind.Logits));
        Assert.Equal("ClassificationPrediction.Scores[1]", ex.Field);
    }

    [Fact]
    public void ClassificationPrediction_NamesOfOtherLength_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ClassificationPrediction([0.1, 0.9], ScoreKind.Probabilities, ["a"]));
        Assert.Equal("ClassificationPrediction.OutputNames", ex.Field);
    }

    [Fact]
    public void ClassificationPrediction_Valid_KeepsValues()
    {
        var p = new ClassificationPrediction([0.2, 0.8], ScoreKind.Probabilities, ["a", null]);
        Assert.Equal([0.2, 0.8], p.Scores);
        Assert.Equal(["a", null], p.OutputNames!);
        Assert.Equal(ScoreKind.Probabilities, p.Kind);
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, 1)]
    [InlineData(0, double.PositiveInfinity, 1, 1)]
    [InlineData(5, 0, 4, 1)]
    [InlineData(0, 5, 1, 4)]
    public void PixelBox_InvalidCorners_Throw(double minX, double minY, double maxX, double maxY)
    {
        Assert.Equal("PixelBox", Assert.Throws<ScaneoValidationException>(() => new PixelBox(minX, minY, maxX, maxY)).Field);
    }

    [Fact]
    public void PixelBox_IntersectionOverUnion_MatchesHandComputation()
    {
        var a = new PixelBox(0, 0, 10, 10);
        var b = new PixelBox(5, 5, 15, 15);
        Assert.Equal(25.0 / 175.0, a.IntersectionOverUnion(b), 12);
        Assert.Equal(1, a.IntersectionOverUnion(a));
        Assert.Equal(0, a.IntersectionOverUnion(new PixelBox(10, 0, 20, 10)));
        Assert.Equal(0, new PixelBox(1, 1, 1, 1).IntersectionOverUnion(new PixelBox(1, 1, 1, 1)));
        Assert.Equal(100, a.Area);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void DetectedBox_NonFiniteScore_Throws(double score)
    {
        Assert.Equal("DetectedBox.Score", Assert.Throws<ScaneoValidationException>(() => new DetectedBox(Box, score, 0)).Field);
    }

    [Fact]
    public void DetectedBox_NegativeOutputIndex_Throws()
    {
        Assert.Equal("DetectedBox.OutputIndex", Assert.Throws<ScaneoValidationException>(() => new DetectedBox(Box, 0.5, -1)).Field);
    }

    [Fact]
    public void DetectedBox_NonFiniteObjectness_Throws()
    {
        Assert.Equal("DetectedBox.Objectness", Assert.Throws<ScaneoValidationException>(() => new DetectedBox(Box, 0.5, 1, objectness: double.NaN)).Field);
    }

    [Fact]
    public void DetectedBox_NonFiniteClassScore_ThrowsNamingIndex()
    {
        Assert.Equal("DetectedBox.ClassScores[2]", Assert.Throws<ScaneoValidationException>(() => new DetectedBox(Box, 0.5, classScores: [0.1, 0.2, double.NaN])).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void DetectedBox_NoClassAtAll_Throws(string? className)
    {
        Assert.Equal("DetectedBox", Assert.Throws<ScaneoValidationException>(() => new DetectedBox(Box, 0.5, className: className, classScores: [])).Field);
    }

    [Fact]
    public void DetectedBox_ClassByNameOrScores_IsAccepted()
    {
        Assert.Equal("ship", new DetectedBox(Box, 0.5, className: "ship").ClassName);
        Assert.Equal([0.1, 0.9], new DetectedBox(Box, 0.5, classScores: [0.1, 0.9]).ClassScores!);
        Assert.Null(new DetectedBox(Box, 0.5, 3, className: "  ").ClassName);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, -1)]
    public void DetectionPrediction_NonPositiveImageSize_Throws(int width, int height)
    {
        Assert.Equal("DetectionPrediction.ImageSize", Assert.Throws<ScaneoValidationException>(() => new DetectionPrediction(width, height, [])).Field);
    }

    [Fact]
    public void DetectionPrediction_NullBoxes_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new DetectionPrediction(10, 10, null!));
        Assert.Single(new DetectionPrediction(10, 10, [new DetectedBox(Box, 0.9, 0)]).Boxes);
    }

    [Fact]
    public void SamPrediction_NotPolygonal_Throws()
    {
        var factory = GeoJsonGeometry.Factory;
        Assert.Equal("SamPrediction.Geometry", Assert.Throws<ScaneoValidationException>(() => new SamPrediction(null!)).Field);
        Assert.Equal("SamPrediction.Geometry", Assert.Throws<ScaneoValidationException>(() => new SamPrediction(factory.CreatePolygon())).Field);
        Assert.Equal("SamPrediction.Geometry", Assert.Throws<ScaneoValidationException>(() => new SamPrediction(factory.CreatePoint(new Coordinate(1, 1)))).Field);
        var polygon = factory.ToGeometry(new Envelope(0, 1, 0, 1));
        Assert.Same(polygon, new SamPrediction(polygon).Geometry);
    }

    [Fact]
    public void SegmentationPrediction_MultiBandMask_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new SegmentationPrediction(new RasterBuffer<byte>(4, 4, 2)));
        Assert.Equal("SegmentationPrediction.ClassMask", ex.Field);
    }

    [Fact]
    public void SegmentationPrediction_FloatMask_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new SegmentationPrediction(new RasterBuffer<float>(4, 4)));
        Assert.Equal("SegmentationPrediction.ClassMask", ex.Field);
        Assert.Contains("float32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentationPrediction_ScoresOfOtherSize_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new SegmentationPrediction(new RasterBuffer<byte>(4, 4), new RasterBuffer<float>(4, 5, 3)));
        Assert.Equal("SegmentationPrediction.ClassScores", ex.Field);
    }

    [Fact]
    public void SegmentationPrediction_IntegerMasks_AreAccepted()
    {
        Assert.Equal(ScoreKind.Logits, new SegmentationPrediction(new RasterBuffer<byte>(4, 4), new RasterBuffer<float>(4, 4, 3), ScoreKind.Logits).ScoreKind);
        Assert.Null(new SegmentationPrediction(new RasterBuffer<ushort>(4, 4)).ClassScores);
        Assert.NotNull(new SegmentationPrediction(new RasterBuffer<int>(4, 4)).ClassMask);
        Assert.Throws<ArgumentNullException>(() => new SegmentationPrediction(null!));
    }
}
