namespace Scaneo.ActiveLearning.Scoring;

/// <summary>Uncertainty over several stochastic passes (MC dropout) or ensemble members of one prediction.</summary>
public enum EnsembleMeasure
{
    /// <summary>BALD, the mutual information <c>H(mean_t p_t) − mean_t H(p_t)</c> (epistemic part), in [0, ln C].</summary>
    Bald,

    /// <summary>Variation ratio (Gal): <c>1 − (votes of the modal arg-max class) / T</c>, in [0, 1 − 1/T].</summary>
    VariationRatio,

    /// <summary>Mean over classes of the population standard deviation of p over the passes.</summary>
    MeanStandardDeviation,

    /// <summary>Entropy of the mean distribution <c>H(mean_t p_t)</c> (total, aleatoric + epistemic).</summary>
    PredictiveEntropy,
}
