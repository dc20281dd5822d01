using Scaneo.ActiveLearning;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.Predictions;

namespace Scaneo.ActiveLearning.Tests.Scoring;

public class DetectionScorerTests
{
    private static readonly PixelBox AnyBox = new(0, 0, 10, 10);

    private static DetectionPrediction ReferenceImage() => new(100, 100,
    [
        new DetectedBox(AnyBox, 0.9, classScores: [0.9, 0.1]),
        new DetectedBox(AnyBox, 0.6, classScores: [0.6, 0.4]),
        new DetectedBox(AnyBox, 0.5, classScores: [0.5, 0.5]),
    ]);

    [Fact]
    public void ScoreImage_ReferenceBoxes_GivesOneMinusMarginPerBox()
    {
        var result = DetectionScorer.Score(ReferenceImage());
        Assert.Equal([0.2, 0.8, 1.0], result.Boxes.Select(b => Math.Round(b.Score, 6)));
        Assert.False(result.NoDetections);
    }

    [Theory]
    [InlineData(DetectionAggregate.Sum, 2.0)]
    [InlineData(DetectionAggregate.Mean, 0.666667)]
    [InlineData(DetectionAggregate.Max, 1.0)]
    public void ScoreImage_ReferenceBoxes_MatchesImageScores(DetectionAggregate aggregate, double expected) =>
        Assert.Equal(expected, DetectionScorer.Score(ReferenceImage(), UncertaintyMeasure.Margin, aggregate).Score, 1e-6);

    [Fact]
    public void ScoreImage_DefaultAggregate_IsSum() =>
        Assert.Equal(DetectionAggregate.Sum, new DetectionScorer().Aggregate);

    [Fact]
    public void ScoreImage_NoBoxes_ScoresMaximumAndFlagsNoDetections()
    {
        var empty = new DetectionPrediction(100, 100, []);
        var margin = DetectionScorer.Score(empty);
        Assert.True(margin.NoDetections);
        Assert.Equal(1.0, margin.Score);
        Assert.Empty(margin.Boxes);

        var entropy = new DetectionScorer { Measure = UncertaintyMeasure.Entropy, ClassCount = 4 }.ScoreImage(empty);
        Assert.Equal(Math.Log(4), entropy.Score, 1e-12);
        Assert.True(entropy.Score > DetectionScorer.Score(ReferenceImage(), UncertaintyMeasure.Entropy, DetectionAggregate.Max).Score);
    }

    [Fact]
    public void ScoreImage_NoBoxesWithConfiguredPrior_UsesPrior()
    {
        var result = new DetectionScorer { EmptyImageScore = 0.25 }.ScoreImage(new DetectionPrediction(10, 10, []));
        Assert.Equal(0.25, result.Score);
        Assert.True(result.NoDetections);
    }

    [Fact]
    public void ScoreImage_ObjectnessGiven_UsesObjectnessLeastConfidence()
    {
        var image = new DetectionPrediction(10, 10, [new DetectedBox(AnyBox, 0.9, classScores: [0.9, 0.1], objectness: 0.7)]);
        var box = DetectionScorer.Score(image).Boxes[0];
        Assert.Equal(0.3, box.Score, 1e-12);
        Assert.Equal(0.2, box.ClassScore, 1e-12);
        Assert.Equal(0.3, box.ObjectnessScore!.Value, 1e-12);

        var ignoring = new DetectionScorer { Objectness = ObjectnessHandling.Ignore }.ScoreImage(image);
        Assert.Equal(0.2, ignoring.Score, 1e-12);
    }

    [Fact]
    public void ScoreImage_BoxWithoutClassScores_UsesConfidenceAsBinaryDistribution()
    {
        var image = new DetectionPrediction(10, 10, [new DetectedBox(AnyBox, 0.8, outputIndex: 3)]);
        var result = DetectionScorer.Score(image);
        Assert.Equal(1 - (0.8 - 0.2), result.Score, 1e-12);
        Assert.True(result.Boxes[0].FromConfidence);
    }

    [Fact]
    public void ScoreImage_BoxScoresNotSummingToOne_ThrowsNamingBox()
    {
        var image = new DetectionPrediction(10, 10, [new DetectedBox(AnyBox, 0.9, classScores: [0.9, 0.1]), new DetectedBox(AnyBox, 0.9, classScores: [0.9, 0.9])]);
        var ex = Assert.Throws<UncertaintyInputException>(() => DetectionScorer.Score(image));
        Assert.Equal(1, ex.Index);
        Assert.Contains("box 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AggregateBoxes_Empty_Throws() =>
        Assert.Throws<UncertaintyInputException>(() => DetectionScorer.AggregateBoxes([], DetectionAggregate.Sum));
}
