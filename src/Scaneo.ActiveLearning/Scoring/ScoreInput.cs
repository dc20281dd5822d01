namespace Scaneo.ActiveLearning.Scoring;

/// <summary>What the scores given to a scorer are.</summary>
public enum ScoreInput
{
    /// <summary>Probabilities: each row (pixel, box) must sum to 1 (±1e-3) with every value in [0, 1]; never renormalised.</summary>
    Probabilities,

    /// <summary>Logits: turned into probabilities by <c>softmax(z / T)</c> with the scorer's temperature T.</summary>
    Logits,
}
