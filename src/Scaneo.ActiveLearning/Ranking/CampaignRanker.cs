using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.ActiveLearning.Selection;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Ranking;

/// <summary>
/// Ranks a campaign's unlabelled images by model uncertainty and picks the next batch to label, with the reasons
/// (score, measure, aggregate, uncertain-area fraction, flags). The predictions come from the host (the CLI and
/// servers get them from the inference batch runner); this package does not call models.
/// </summary>
/// <remarks>
/// Classification scores and segmentation maps use <see cref="CampaignRankerOptions.Measure"/>; detection images use
/// <see cref="DetectionScorer"/> (sum of box scores by default; images without boxes are not certain, see there).
/// A prediction whose <see cref="ScoreKind"/> is unknown is read as probabilities when its (first valid) score vector
/// lies in [0, 1] and sums to 1 ± 1e-3, else as logits, and is flagged <see cref="RankingFlags.ScoreKindInferred"/>.
/// </remarks>
public sealed class CampaignRanker
{
    private readonly CampaignRankerOptions _options;
    private readonly ImageAggregation _segmentationAggregate;

    /// <summary>Initializes a ranker.</summary>
    /// <param name="options">The settings, or null for the defaults.</param>
    /// <exception cref="ArgumentException">An invalid setting (see <see cref="Validate"/>).</exception>
    public CampaignRanker(CampaignRankerOptions? options = null)
    {
        _options = options ?? new CampaignRankerOptions();
        var errors = Validate(_options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _segmentationAggregate = _options.ParseSegmentationAggregate();
    }

    /// <summary>Gets the settings.</summary>
    public CampaignRankerOptions Options => _options;

    /// <summary>Checks options and returns what is wrong, one message per rule (empty when valid).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The failures.</returns>
    public static IReadOnlyList<string> Validate(CampaignRankerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Measure))
        {
            errors.Add($"Measure: {options.Measure} is not least-confidence, margin, ratio or entropy.");
        }

        if (!(options.Temperature > 0) || !double.IsFinite(options.Temperature))
        {
            errors.Add("Temperature: must be a positive finite number.");
        }

        if (options.Strategy is not (SelectionStrategy.TopK or SelectionStrategy.Power or SelectionStrategy.Softmax or SelectionStrategy.SoftRank))
        {
            errors.Add($"Strategy: {options.Strategy} cannot rank images from predictions alone; use top-k, power, softmax or soft-rank (k-center greedy needs feature vectors: KCenterGreedySelector).");
        }

        if (options.BatchSize < 1)
        {
            errors.Add("BatchSize: must be at least 1.");
        }

        if (!(options.Beta >= 0) || !double.IsFinite(options.Beta))
        {
            errors.Add("Beta: must be a non-negative finite number.");
        }

        try
        {
            options.ParseSegmentationAggregate();
        }
        catch (FormatException ex)
        {
            errors.Add("SegmentationAggregate: " + ex.Message);
        }

        if (!Enum.IsDefined(options.DetectionAggregate))
        {
            errors.Add($"DetectionAggregate: {options.DetectionAggregate} is not sum, mean or max.");
        }

        if (options.EmptyDetectionScore is double e && (!double.IsFinite(e) || e < 0))
        {
            errors.Add("EmptyDetectionScore: must be a non-negative finite number.");
        }

        if (options.RegionThreshold is double t && !double.IsFinite(t))
        {
            errors.Add("RegionThreshold: must be a finite number.");
        }

        return errors;
    }

    /// <summary>Scores every candidate and picks the batch.</summary>
    /// <param name="candidates">The unlabelled images with their predictions (at least one).</param>
    /// <param name="cancellationToken">Cancels between images.</param>
    /// <returns>All images most uncertain first, and the batch in pick order.</returns>
    /// <exception cref="UncertaintyInputException">No candidates, or a prediction that cannot be scored (the message names the image).</exception>
    public CampaignRanking Rank(IReadOnlyList<RankingCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new UncertaintyInputException("candidates: expected at least one unlabelled image with a prediction, found none.");
        }

        var scored = new (RankingCandidate Candidate, string Task, double Score, string Aggregate, double? Fraction, List<string> Flags)[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var c = candidates[i] ?? throw new UncertaintyInputException($"candidate {i}: expected an image with a prediction, found null.", i);
            try
            {
                scored[i] = Score(c);
            }
            catch (UncertaintyInputException ex)
            {
                throw new UncertaintyInputException($"{c.ImagePath}: {ex.Message}", i, ex.ClassIndex);
            }
        }

        double[] scores = [.. scored.Select(s => s.Score)];
        int k = Math.Min(_options.BatchSize, scores.Length);
        SelectionResult selection = _options.Strategy == SelectionStrategy.TopK
            ? TopKSelector.Select(scores, k, _options.Seed)
            : StochasticSampler.Sample(scores, k, _options.Strategy, _options.Beta, _options.Seed);

        int[] byScore = [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        var images = new RankedImage[scores.Length];
        for (int r = 0; r < byScore.Length; r++)
        {
            int i = byScore[r];
            var entry = selection.Entries[i];
            images[i] = new RankedImage
            {
                ImagePath = scored[i].Candidate.ImagePath,
                Task = scored[i].Task,
                Score = scored[i].Score,
                Measure = MeasureName(_options.Measure),
                Aggregate = scored[i].Aggregate,
                UncertainAreaFraction = scored[i].Fraction,
                Rank = r + 1,
                PickOrder = entry.PickOrder,
                Probability = entry.Probability,
                Flags = scored[i].Flags,
            };
        }

        return new CampaignRanking
        {
            Strategy = StrategyName(_options.Strategy),
            Measure = MeasureName(_options.Measure),
            Seed = _options.Seed,
            Beta = _options.Strategy == SelectionStrategy.TopK ? null : _options.Beta,
            Images = [.. byScore.Select(i => images[i])],
            Batch = [.. selection.SelectedIndices.Select(i => images[i])],
        };
    }

    /// <summary>The command-line name of a measure: <c>least-confidence</c>, <c>margin</c>, <c>ratio</c> or <c>entropy</c>.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The name.</returns>
    public static string MeasureName(UncertaintyMeasure measure) => measure switch
    {
        UncertaintyMeasure.LeastConfidence => "least-confidence",
        UncertaintyMeasure.Margin => "margin",
        UncertaintyMeasure.Ratio => "ratio",
        UncertaintyMeasure.Entropy => "entropy",
        _ => measure.ToString(),
    };

    private static string StrategyName(SelectionStrategy strategy) => strategy switch
    {
        SelectionStrategy.TopK => "topk",
        SelectionStrategy.Power => "power",
        SelectionStrategy.Softmax => "softmax",
        SelectionStrategy.SoftRank => "soft-rank",
        _ => strategy.ToString(),
    };

    private static ScoreInput Decide(ScoreKind kind, ReadOnlySpan<double> firstRow, List<string> flags)
    {
        switch (kind)
        {
            case ScoreKind.Probabilities:
                return ScoreInput.Probabilities;
            case ScoreKind.Logits:
                return ScoreInput.Logits;
        }

        flags.Add(RankingFlags.ScoreKindInferred);
        double sum = 0;
        foreach (double v in firstRow)
        {
            if (!(v >= 0 && v <= 1))
            {
                return ScoreInput.Logits;
            }

            sum += v;
        }

        return Math.Abs(sum - 1) <= 1e-3 ? ScoreInput.Probabilities : ScoreInput.Logits;
    }

    private (RankingCandidate, string, double, string, double?, List<string>) Score(RankingCandidate c)
    {
        var flags = new List<string>();
        if (c.Classification is { } cls)
        {
            double[] s = [.. cls.Scores];
            var scorer = new UncertaintyScorer { Measure = _options.Measure, Normalize = _options.Normalize, Temperature = _options.Temperature, Input = Decide(cls.Kind, s, flags) };
            return (c, "classification", scorer.ScoreRow(s), "none", null, flags);
        }

        if (c.Detection is { } det)
        {
            var scorer = new DetectionScorer
            {
                Measure = _options.Measure,
                Normalize = _options.Normalize,
                Temperature = _options.Temperature,
                Aggregate = _options.DetectionAggregate,
                EmptyImageScore = _options.EmptyDetectionScore,
            };
            var first = det.Boxes.FirstOrDefault(b => b.ClassScores is { Count: > 0 });
            if (first is not null)
            {
                scorer.Input = Decide(ScoreKind.Unknown, [.. first.ClassScores!], flags);
                if (scorer.Input == ScoreInput.Probabilities)
                {
                    // Detection replies carry no score kind; only say "inferred" when it mattered (logits).
                    flags.Remove(RankingFlags.ScoreKindInferred);
                }
            }

            var result = scorer.ScoreImage(det);
            if (result.NoDetections)
            {
                flags.Add(RankingFlags.NoDetections);
            }

            return (c, "detection", result.Score, _options.DetectionAggregate.ToString().ToLowerInvariant(), null, flags);
        }

        var seg = c.Segmentation!;
        RasterBuffer<float> scores = seg.ClassScores
            ?? throw new UncertaintyInputException("the segmentation prediction has no per-class scores, so its uncertainty cannot be measured (ask the model for class scores).");
        var input = Decide(seg.ScoreKind, FirstPixel(scores), flags);
        var map = c.Map is { } given && given.Measure == _options.Measure && given.Normalized == _options.Normalize
            && given.Input == input && (input == ScoreInput.Probabilities || _options.Temperature == 1)
            ? given
            : new UncertaintyMapBuilder { Measure = _options.Measure, Input = input, Normalize = _options.Normalize, Temperature = _options.Temperature }.Build(scores);
        if (map.ValidPixelCount < scores.PixelCount)
        {
            flags.Add(RankingFlags.NoDataPixels);
        }

        double? fraction = null;
        if (_options.RegionThreshold is double t && map.ValidPixelCount > 0)
        {
            long above = 0;
            foreach (float v in map.Raster.GetBand(0))
            {
                above += v > t ? 1 : 0;
            }

            fraction = (double)above / map.ValidPixelCount;
        }

        return (c, "segmentation", map.Aggregate(_segmentationAggregate), _segmentationAggregate.ToString(), fraction, flags);
    }

    private static double[] FirstPixel(RasterBuffer<float> scores)
    {
        int plane = scores.Width * scores.Height;
        float[] data = scores.GetArray();
        double? nd = scores.NoData;
        for (int i = 0; i < plane; i++)
        {
            double[] row = new double[scores.BandCount];
            bool valid = true;
            for (int b = 0; b < row.Length; b++)
            {
                row[b] = data[(b * plane) + i];
                valid &= nd is not double n || !(double.IsNaN(n) ? double.IsNaN(row[b]) : row[b] == n);
            }

            if (valid)
            {
                return row;
            }
        }

        return [];
    }
}
