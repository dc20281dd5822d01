namespace Scaneo.ActiveLearning.Areas;

/// <summary>How an uncertainty map is cut into uncertain and certain pixels.</summary>
public enum UncertaintyThresholdKind
{
    /// <summary>Pixels whose value is strictly greater than a fixed value T.</summary>
    Absolute,

    /// <summary>The top fraction q of valid pixels: values ≥ the ⌈q·N⌉-th largest (ties may add a few pixels).</summary>
    TopFraction,
}
