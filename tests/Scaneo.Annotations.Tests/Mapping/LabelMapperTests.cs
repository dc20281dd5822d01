using Scaneo.Annotations.Mapping;
using Scaneo.Predictions;

namespace Scaneo.Annotations.Tests.Mapping;

public class LabelMapperTests
{
    private static readonly LabelMapping WaterUrban = TestData.Mapping(("water", 2), ("urban", 1), ("forest", null));

    [Fact]
    public void MapClassification_UnmappedOutputHasHighestScore_PicksBestMappedLabel()
    {
        var mapper = new LabelMapper(WaterUrban);

        var result = mapper.MapClassification(new ClassificationPrediction([0.7, 0.1, 0.2], ScoreKind.Probabilities));

        Assert.Equal("water", result.Label);
        Assert.Equal(0.2, result.Score, 12);
        Assert.Equal([new LabelScore("water", 0.2), new LabelScore("urban", 0.1)], result.Distribution);
    }

    [Fact]
    public void MapClassification_Renormalize_SumsToOne()
    {
        var result = new LabelMapper(WaterUrban).MapClassification(new ClassificationPrediction([0.7, 0.1, 0.2], ScoreKind.Probabilities), renormalize: true);

        Assert.Equal(2.0 / 3, result.Score, 12);
        Assert.Equal(1.0, result.Distribution.Sum(d => d.Score), 12);
    }

    [Fact]
    public void MapClassification_Logits_AppliesSoftmaxOverAllOutputs()
    {
        var result = new LabelMapper(WaterUrban).MapClassification(new ClassificationPrediction([2.0, 0.0, 1.0], ScoreKind.Logits));

        double total = Math.Exp(2) + Math.Exp(0) + Math.Exp(1);
        Assert.Equal("water", result.Label);
        Assert.Equal(Math.Exp(1) / total, result.Score, 12);
    }

    [Fact]
    public void MapClassification_SeveralOutputsFeedOneLabel_SumsTheirProbabilities()
    {
        var mapping = new LabelMapping([new("urban", [0, 1]), new("water", [2])]);

        var result = new LabelMapper(mapping).MapClassification(new ClassificationPrediction([0.3, 0.3, 0.4], ScoreKind.Probabilities));

        Assert.Equal("urban", result.Label);
        Assert.Equal(0.6, result.Score, 12);
    }

    [Fact]
    public void MapClassification_MappingBeyondReply_ThrowsLabelMappingException()
    {
        var ex = Assert.Throws<LabelMappingException>(() => new LabelMapper(WaterUrban).MapClassification(new ClassificationPrediction([0.5, 0.5], ScoreKind.Probabilities)));

        Assert.Equal(LabelMappingProblemKind.IndexBeyondReturnedCount, Assert.Single(ex.Problems).Kind);
    }

    [Fact]
    public void Constructor_IndexBeyondDeclaredCount_Throws()
    {
        Assert.Throws<LabelMappingException>(() => new LabelMapper(WaterUrban, ModelOutputs.FromCount(2)));
    }

    [Fact]
    public void MapDetection_ResolvesByIndexNameAndScoreVector_DropsUnmapped()
    {
        var mapper = new LabelMapper(WaterUrban, ModelOutputs.FromNames(["forest", "urban", "water"]));
        var box = new PixelBox(0, 0, 10, 10);
        var prediction = new DetectionPrediction(100, 100,
        [
            new DetectedBox(box, 0.9, outputIndex: 2),
            new DetectedBox(box, 0.8, className: "Urban"),
            new DetectedBox(box, 0.7, classScores: [0.9, 0.05, 0.05]), // argmax restricted to mapped outputs → urban/water tie → water (listed first)
            new DetectedBox(box, 0.6, outputIndex: 0), // forest: unmapped
            new DetectedBox(box, 0.5, className: "lava"), // unknown name
            new DetectedBox(box, 0.4, classScores: [0.1, 0.6, 0.3]),
        ]);

        var result = mapper.MapDetection(prediction);

        Assert.Equal([("water", 0), ("urban", 1), ("water", 2), ("urban", 5)], result.Select(d => (d.Label, d.BoxIndex)));
        Assert.Equal(0.4, result[3].Score);
    }

    [Fact]
    public void GetClassIndex_AndGetLabel_AreInverse()
    {
        var mapper = new LabelMapper(new LabelMapping([new("urban", [3, 1]), new("water", [0]), new("forest", [])]));

        Assert.Equal(1, mapper.GetClassIndex("URBAN"));
        Assert.Equal("urban", mapper.GetLabel(1));
        Assert.Equal("urban", mapper.GetLabel(3));
        Assert.Null(mapper.GetClassIndex("forest"));
        Assert.Null(mapper.GetLabel(2));
        Assert.Equal([3, 1], mapper.GetClassValues("urban"));
    }
}
