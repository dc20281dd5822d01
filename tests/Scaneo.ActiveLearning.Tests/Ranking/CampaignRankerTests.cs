using Scaneo.ActiveLearning;
using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.ActiveLearning.Selection;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Tests.Ranking;

public class CampaignRankerTests
{
    private static readonly PixelBox AnyBox = new(0, 0, 4, 4);

    private static SegmentationPrediction Segmentation(float fg)
    {
        var mask = new RasterBuffer<byte>(2, 2);
        var scores = new RasterBuffer<float>([1 - fg, 1 - fg, 1 - fg, 1 - fg, fg, fg, fg, fg], 2, 2, 2);
        return new SegmentationPrediction(mask, scores, ScoreKind.Probabilities);
    }

    [Fact]
    public void Rank_Classification_TopKPicksMostUncertainWithReasons()
    {
        var ranker = new CampaignRanker(new CampaignRankerOptions { Strategy = SelectionStrategy.TopK, BatchSize = 1 });
        var ranking = ranker.Rank(
        [
            new RankingCandidate("a.tif", new ClassificationPrediction([0.9, 0.1], ScoreKind.Probabilities)),
            new RankingCandidate("b.tif", new ClassificationPrediction([0.55, 0.45], ScoreKind.Probabilities)),
        ]);
        Assert.Equal("b.tif", Assert.Single(ranking.Batch).ImagePath);
        Assert.Equal(0.9, ranking.Batch[0].Score, 1e-12);
        Assert.Equal("margin", ranking.Batch[0].Measure);
        Assert.Equal(1, ranking.Batch[0].Rank);
        Assert.Equal(["b.tif", "a.tif"], ranking.Images.Select(i => i.ImagePath));
        Assert.False(ranking.Images[1].Selected);
        Assert.Equal("topk", ranking.Strategy);
    }

    [Fact]
    public void Rank_DetectionWithoutBoxes_IsFlaggedAndNotCertain()
    {
        var ranker = new CampaignRanker(new CampaignRankerOptions { Strategy = SelectionStrategy.TopK, BatchSize = 1 });
        var ranking = ranker.Rank(
        [
            new RankingCandidate("boxes.tif", new DetectionPrediction(8, 8, [new DetectedBox(AnyBox, 0.9, classScores: [0.9, 0.1])])),
            new RankingCandidate("empty.tif", new DetectionPrediction(8, 8, [])),
        ]);
        var empty = ranking.Images.Single(i => i.ImagePath == "empty.tif");
        Assert.Contains(RankingFlags.NoDetections, empty.Flags);
        Assert.Equal(1.0, empty.Score);
        Assert.Equal("sum", empty.Aggregate);
        Assert.Equal("empty.tif", ranking.Batch[0].ImagePath);
    }

    [Fact]
    public void Rank_SegmentationWithMatchingPrecomputedMap_UsesItInsteadOfRecomputing()
    {
        var options = new CampaignRankerOptions { Measure = UncertaintyMeasure.Entropy, Strategy = SelectionStrategy.TopK, BatchSize = 1 };
        var prediction = Segmentation(0.5f);
        // A map of the right size and kind but other values: if the ranker used it, the score shows it.
        var marker = UncertaintyMap.Compute(Segmentation(0.99f).ClassScores!, UncertaintyMeasure.Entropy);

        var ranking = new CampaignRanker(options).Rank([new RankingCandidate("s1.tif", prediction, marker)]);

        Assert.Equal(marker.Mean, ranking.Images[0].Score, 1e-9);
    }

    [Fact]
    public void Rank_SegmentationWithPrecomputedMapOfAnotherMeasure_Recomputes()
    {
        var options = new CampaignRankerOptions { Measure = UncertaintyMeasure.Entropy, Strategy = SelectionStrategy.TopK, BatchSize = 1 };
        var prediction = Segmentation(0.5f);
        var margin = UncertaintyMap.Compute(prediction.ClassScores!, UncertaintyMeasure.Margin);

        var ranking = new CampaignRanker(options).Rank([new RankingCandidate("s1.tif", prediction, margin)]);

        Assert.Equal(0.693147, ranking.Images[0].Score, 1e-6);
    }

    [Fact]
    public void RankingCandidate_MapOfAnotherSize_IsRefused()
    {
        var scores = new RasterBuffer<float>(3, 3, 2);
        scores.GetBand(0).Fill(1);
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Margin);

        Assert.Throws<ScaneoValidationException>(() => new RankingCandidate("s1.tif", Segmentation(0.5f), map));
    }

    [Fact]
    public void Rank_Segmentation_UsesMapAggregateAndAreaFraction()
    {
        var ranker = new CampaignRanker(new CampaignRankerOptions
        {
            Measure = UncertaintyMeasure.Entropy,
            Strategy = SelectionStrategy.TopK,
            BatchSize = 2,
            SegmentationAggregate = "max",
            RegionThreshold = 0.5,
        });
        var ranking = ranker.Rank([new RankingCandidate("s1.tif", Segmentation(0.5f)), new RankingCandidate("s2.tif", Segmentation(0.99f))]);
        Assert.Equal("s1.tif", ranking.Images[0].ImagePath);
        Assert.Equal(0.693147, ranking.Images[0].Score, 1e-6);
        Assert.Equal(1.0, ranking.Images[0].UncertainAreaFraction);
        Assert.Equal(0.0, ranking.Images[1].UncertainAreaFraction);
        Assert.Equal("max", ranking.Images[0].Aggregate);
    }

    [Fact]
    public void Rank_UnknownScoreKindWithLogits_InfersLogitsAndFlags()
    {
        var ranker = new CampaignRanker(new CampaignRankerOptions { Measure = UncertaintyMeasure.Entropy, Strategy = SelectionStrategy.TopK });
        var ranking = ranker.Rank([new RankingCandidate("z.tif", new ClassificationPrediction([2, 1, 0], ScoreKind.Unknown))]);
        Assert.Equal(0.832396, ranking.Images[0].Score, 1e-6);
        Assert.Contains(RankingFlags.ScoreKindInferred, ranking.Images[0].Flags);
    }

    [Fact]
    public void Rank_PowerSampling_IsSeededAndRecordsProbabilities()
    {
        var options = new CampaignRankerOptions { Strategy = SelectionStrategy.Power, BatchSize = 2, Seed = 5, Beta = 2 };
        RankingCandidate[] candidates = [.. Enumerable.Range(0, 6).Select(i => new RankingCandidate($"{i}.tif", new ClassificationPrediction([0.5 + (i * 0.08), 0.5 - (i * 0.08)], ScoreKind.Probabilities)))];
        var a = new CampaignRanker(options).Rank(candidates);
        var b = new CampaignRanker(options).Rank(candidates);
        Assert.Equal(a.Batch.Select(i => i.ImagePath), b.Batch.Select(i => i.ImagePath));
        Assert.Equal(1, a.Images.Sum(i => i.Probability!.Value), 1e-9);
        Assert.Equal(2, a.Beta);
    }

    [Fact]
    public void Rank_SegmentationWithoutScores_ThrowsNamingImage()
    {
        var pred = new SegmentationPrediction(new RasterBuffer<byte>(2, 2));
        var ex = Assert.Throws<UncertaintyInputException>(() => new CampaignRanker().Rank([new RankingCandidate("x.tif", pred)]));
        Assert.Contains("x.tif", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Index);
    }

    [Fact]
    public void Rank_NoCandidates_Throws() =>
        Assert.Throws<UncertaintyInputException>(() => new CampaignRanker().Rank([]));

    [Fact]
    public void Constructor_KCenterStrategy_ThrowsExplaining()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CampaignRanker(new CampaignRankerOptions { Strategy = SelectionStrategy.KCenterGreedy }));
        Assert.Contains("feature vectors", ex.Message, StringComparison.Ordinal);
    }
}
