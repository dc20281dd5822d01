namespace Scaneo.ActiveLearning.Scoring;

/// <summary>What a detection scorer does with a box's objectness, when the model gives one.</summary>
public enum ObjectnessHandling
{
    /// <summary>Score boxes with objectness by the least confidence of [o, 1 − o], i.e. <c>1 − max(o, 1 − o)</c> (× 2 when normalised).</summary>
    LeastConfidence,

    /// <summary>Ignore objectness; always score the class-score vector.</summary>
    Ignore,
}
