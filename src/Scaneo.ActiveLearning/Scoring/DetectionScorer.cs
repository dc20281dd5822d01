using System.Globalization;
using Scaneo.Predictions;

namespace Scaneo.ActiveLearning.Scoring;

/// <summary>
/// Uncertainty of object-detection images: a score per box (the measure on the box's class-score vector, or the
/// objectness least confidence) reduced to an image score by sum (default, Brust et al.), mean or max.
/// </summary>
/// <remarks>
/// <para>Boxes without a class-score vector are scored on the binary distribution [confidence, 1 − confidence].</para>
/// <para>
/// Images without any box are NOT treated as certain — a detector that finds nothing may be missing everything.
/// Their score is <see cref="EmptyImageScore"/> when set, otherwise the maximum possible per-box score of the
/// measure (<see cref="UncertaintyScorer.MaximumScore"/> over <see cref="ClassCount"/> classes, 2 when unset:
/// 1 for margin, ratio and every normalised measure, 0.5 for least confidence, ln 2 for entropy), whatever the
/// aggregate. The result says so with <see cref="DetectionScore.NoDetections"/>.
/// </para>
/// </remarks>
public sealed class DetectionScorer
{
    private readonly UncertaintyScorer _row = new();
    private double? _emptyImageScore;
    private int? _classCount;

    /// <summary>Gets or sets the per-box measure (default <see cref="UncertaintyMeasure.Margin"/>, scored as 1 − margin).</summary>
    public UncertaintyMeasure Measure { get => _row.Measure; set => _row.Measure = value; }

    /// <summary>Gets or sets what the class-score vectors are (default probabilities).</summary>
    public ScoreInput Input { get => _row.Input; set => _row.Input = value; }

    /// <summary>Gets or sets the softmax temperature for logits.</summary>
    public double Temperature { get => _row.Temperature; set => _row.Temperature = value; }

    /// <summary>Gets or sets a value indicating whether box scores are scaled to [0, 1].</summary>
    public bool Normalize { get => _row.Normalize; set => _row.Normalize = value; }

    /// <summary>Gets or sets the reduction (default <see cref="DetectionAggregate.Sum"/>).</summary>
    public DetectionAggregate Aggregate { get; set; } = DetectionAggregate.Sum;

    /// <summary>Gets or sets what to do with objectness (default: score such boxes by objectness least confidence).</summary>
    public ObjectnessHandling Objectness { get; set; } = ObjectnessHandling.LeastConfidence;

    /// <summary>Gets or sets the number of classes used for the empty-image maximum (null: 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int? ClassCount
    {
        get => _classCount;
        set
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The class count must be at least 1.");
            }

            _classCount = value;
        }
    }

    /// <summary>Gets or sets the score of an image without boxes (null: the maximum possible box score).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double? EmptyImageScore
    {
        get => _emptyImageScore;
        set
        {
            if (value is double v && (!double.IsFinite(v) || v < 0))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The empty-image score must be a non-negative finite number.");
            }

            _emptyImageScore = value;
        }
    }

    /// <summary>Scores an image with a measure and reduction, other settings default.</summary>
    /// <param name="prediction">The detection reply.</param>
    /// <param name="measure">The per-box measure.</param>
    /// <param name="aggregate">The reduction.</param>
    /// <returns>The image and box scores.</returns>
    /// <exception cref="UncertaintyInputException">A box whose scores are not a valid distribution (named by box and class).</exception>
    public static DetectionScore Score(DetectionPrediction prediction, UncertaintyMeasure measure = UncertaintyMeasure.Margin, DetectionAggregate aggregate = DetectionAggregate.Sum) =>
        new DetectionScorer { Measure = measure, Aggregate = aggregate }.ScoreImage(prediction);

    /// <summary>Reduces box scores to an image score.</summary>
    /// <param name="boxScores">At least one box score.</param>
    /// <param name="aggregate">The reduction.</param>
    /// <returns>The sum, mean or maximum.</returns>
    /// <exception cref="UncertaintyInputException">No box scores, or a non-finite one.</exception>
    public static double AggregateBoxes(ReadOnlySpan<double> boxScores, DetectionAggregate aggregate)
    {
        if (boxScores.IsEmpty)
        {
            throw new UncertaintyInputException("box scores: expected at least one; score images without boxes with DetectionScorer's empty-image rule.");
        }

        double sum = 0;
        double max = double.NegativeInfinity;
        for (int i = 0; i < boxScores.Length; i++)
        {
            double v = boxScores[i];
            if (!double.IsFinite(v))
            {
                throw new UncertaintyInputException(string.Create(CultureInfo.InvariantCulture, $"box {i}: expected a finite score, found {v}."), i);
            }

            sum += v;
            max = Math.Max(max, v);
        }

        return aggregate switch
        {
            DetectionAggregate.Sum => sum,
            DetectionAggregate.Mean => sum / boxScores.Length,
            DetectionAggregate.Max => max,
            _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Expected sum, mean or max."),
        };
    }

    /// <summary>Scores one image with this scorer's settings.</summary>
    /// <param name="prediction">The detection reply.</param>
    /// <returns>The image and box scores.</returns>
    /// <exception cref="UncertaintyInputException">A box whose scores are not a valid distribution (named by box and class).</exception>
    public DetectionScore ScoreImage(DetectionPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (!Enum.IsDefined(Aggregate))
        {
            throw new ArgumentOutOfRangeException(nameof(Aggregate), Aggregate, "Expected sum, mean or max.");
        }

        if (prediction.Boxes.Count == 0)
        {
            double prior = EmptyImageScore ?? UncertaintyScorer.MaximumScore(Measure, ClassCount ?? 2, Normalize);
            return new DetectionScore(prior, [], Measure, Aggregate, noDetections: true);
        }

        var boxes = new DetectionBoxScore[prediction.Boxes.Count];
        double[] scores = new double[boxes.Length];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = ScoreBox(prediction.Boxes[i], i);
            scores[i] = boxes[i].Score;
        }

        return new DetectionScore(AggregateBoxes(scores, Aggregate), boxes, Measure, Aggregate, noDetections: false);
    }

    private DetectionBoxScore ScoreBox(DetectedBox box, int index)
    {
        string what = "box " + index.ToString(CultureInfo.InvariantCulture);
        double classScore;
        bool fromConfidence = box.ClassScores is not { Count: > 0 };
        if (!fromConfidence)
        {
            double[] cs = [.. box.ClassScores!];
            classScore = _row.ScoreRow(cs, what, index);
        }
        else
        {
            double s = box.Score;
            if (s < 0 || s > 1)
            {
                throw new UncertaintyInputException(
                    $"{what}: has no class-score vector and its confidence {s.ToString(CultureInfo.InvariantCulture)} is not a probability in [0, 1].", index);
            }

            var binary = new UncertaintyScorer { Measure = Measure, Normalize = Normalize };
            classScore = binary.ScoreRow([s, 1 - s], what, index);
        }

        double? objectnessScore = null;
        if (box.Objectness is double o)
        {
            if (o < 0 || o > 1)
            {
                throw new UncertaintyInputException($"{what}: expected an objectness in [0, 1], found {o.ToString(CultureInfo.InvariantCulture)}.", index);
            }

            double lc = 1 - Math.Max(o, 1 - o);
            objectnessScore = Normalize ? 2 * lc : lc;
        }

        double score = Objectness == ObjectnessHandling.LeastConfidence && objectnessScore is double os ? os : classScore;
        return new DetectionBoxScore(index, score, classScore, objectnessScore, fromConfidence);
    }
}
