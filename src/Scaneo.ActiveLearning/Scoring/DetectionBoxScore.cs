namespace Scaneo.ActiveLearning.Scoring;

/// <summary>The uncertainty of one detected box and where it came from.</summary>
public sealed class DetectionBoxScore
{
    internal DetectionBoxScore(int index, double score, double classScore, double? objectnessScore, bool fromConfidence)
    {
        Index = index;
        Score = score;
        ClassScore = classScore;
        ObjectnessScore = objectnessScore;
        FromConfidence = fromConfidence;
    }

    /// <summary>Gets the box index in the prediction.</summary>
    public int Index { get; }

    /// <summary>Gets the score used for the image (objectness least confidence when used, else <see cref="ClassScore"/>).</summary>
    public double Score { get; }

    /// <summary>Gets the measure of the box's class-score vector.</summary>
    public double ClassScore { get; }

    /// <summary>Gets the least confidence of the objectness, when the box has one.</summary>
    public double? ObjectnessScore { get; }

    /// <summary>Gets a value indicating whether the box had no class-score vector and was scored on [confidence, 1 − confidence].</summary>
    public bool FromConfidence { get; }
}
