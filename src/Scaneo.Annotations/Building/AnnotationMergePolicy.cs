namespace Scaneo.Annotations.Building;

/// <summary>What happens to a model's earlier predictions on an image when the model runs on it again.</summary>
public enum AnnotationMergePolicy
{
    /// <summary>The new predictions replace that model's earlier predictions on that image (default).</summary>
    Replace,

    /// <summary>The earlier predictions stay next to the new ones (colliding ids get a numeric suffix).</summary>
    KeepBoth,
}
