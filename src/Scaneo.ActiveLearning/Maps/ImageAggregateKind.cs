namespace Scaneo.ActiveLearning.Maps;

/// <summary>How the pixels (or boxes) of an image are reduced to one image score.</summary>
public enum ImageAggregateKind
{
    /// <summary>Mean over valid pixels.</summary>
    Mean,

    /// <summary>Maximum over valid pixels.</summary>
    Max,

    /// <summary>Sum over valid pixels (grows with image size; compare images of one size).</summary>
    Sum,

    /// <summary>Mean of the top fraction q of valid pixels (⌈q·N⌉ pixels, at least one).</summary>
    TopFractionMean,

    /// <summary>Mean weighted by a weight per predicted (arg-max) class: <c>Σ w(k_i)·u_i / Σ w(k_i)</c>.</summary>
    ClassWeightedMean,
}
