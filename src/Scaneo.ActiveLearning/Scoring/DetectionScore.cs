namespace Scaneo.ActiveLearning.Scoring;

/// <summary>The uncertainty of one detection image: the image score, every box score and whether the image had no box.</summary>
public sealed class DetectionScore
{
    internal DetectionScore(double score, IReadOnlyList<DetectionBoxScore> boxes, UncertaintyMeasure measure, DetectionAggregate aggregate, bool noDetections)
    {
        Score = score;
        Boxes = boxes;
        Measure = measure;
        Aggregate = aggregate;
        NoDetections = noDetections;
    }

    /// <summary>Gets the image score (for an image without boxes: the scorer's empty-image score).</summary>
    public double Score { get; }

    /// <summary>Gets the box scores in prediction order.</summary>
    public IReadOnlyList<DetectionBoxScore> Boxes { get; }

    /// <summary>Gets the measure.</summary>
    public UncertaintyMeasure Measure { get; }

    /// <summary>Gets the reduction.</summary>
    public DetectionAggregate Aggregate { get; }

    /// <summary>Gets a value indicating whether the image had no box and was scored by the empty-image rule.</summary>
    public bool NoDetections { get; }
}
