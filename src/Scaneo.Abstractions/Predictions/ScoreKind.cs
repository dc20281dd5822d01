namespace Scaneo.Predictions;

/// <summary>What a model's scores are.</summary>
public enum ScoreKind
{
    /// <summary>Not stated by the reply and not decidable from the values.</summary>
    Unknown,

    /// <summary>Probabilities in [0, 1] (a distribution over classes when they sum to 1).</summary>
    Probabilities,

    /// <summary>Unnormalised logits (softmax or sigmoid turns them into probabilities).</summary>
    Logits,
}
