namespace Scaneo.ActiveLearning.Scoring;

/// <summary>
/// Uncertainty of one predicted class distribution p (sorted p(1) ≥ p(2) ≥ …). Every measure is oriented so that a
/// higher value means a more uncertain prediction.
/// </summary>
public enum UncertaintyMeasure
{
    /// <summary>Least confidence <c>1 − p(1)</c>, in [0, 1 − 1/C]; normalised by <c>C / (C − 1)</c>.</summary>
    LeastConfidence,

    /// <summary>One minus the margin, <c>1 − (p(1) − p(2))</c>, in [0, 1]. A strong default in the literature.</summary>
    Margin,

    /// <summary>Ratio of the two best, <c>p(2) / p(1)</c>, in [0, 1].</summary>
    Ratio,

    /// <summary>Shannon entropy <c>−Σ p ln p</c> in nats (0·ln 0 = 0), in [0, ln C]; normalised by <c>ln C</c>.</summary>
    Entropy,
}
