using Scaneo.Predictions;

namespace Scaneo.Inference;

/// <summary>The prediction of any task: exactly one of the task-specific properties is set, matching <see cref="Task"/>.</summary>
public sealed class ModelPrediction
{
    private ModelPrediction(ModelTask task, ClassificationPrediction? classification, DetectionPrediction? detection, SegmentationPrediction? segmentation, SamPrediction? sam)
    {
        Task = task;
        Classification = classification;
        Detection = detection;
        Segmentation = segmentation;
        Sam = sam;
    }

    /// <summary>Gets the task.</summary>
    public ModelTask Task { get; }

    /// <summary>Gets the classification prediction when <see cref="Task"/> is classification.</summary>
    public ClassificationPrediction? Classification { get; }

    /// <summary>Gets the detection prediction when <see cref="Task"/> is detection.</summary>
    public DetectionPrediction? Detection { get; }

    /// <summary>Gets the segmentation prediction when <see cref="Task"/> is segmentation.</summary>
    public SegmentationPrediction? Segmentation { get; }

    /// <summary>Gets the SAM prediction when <see cref="Task"/> is SAM.</summary>
    public SamPrediction? Sam { get; }

    /// <summary>Wraps a classification prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The union.</returns>
    public static ModelPrediction FromClassification(ClassificationPrediction prediction) =>
        new(ModelTask.Classification, prediction ?? throw new ArgumentNullException(nameof(prediction)), null, null, null);

    /// <summary>Wraps a detection prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The union.</returns>
    public static ModelPrediction FromDetection(DetectionPrediction prediction) =>
        new(ModelTask.Detection, null, prediction ?? throw new ArgumentNullException(nameof(prediction)), null, null);

    /// <summary>Wraps a segmentation prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The union.</returns>
    public static ModelPrediction FromSegmentation(SegmentationPrediction prediction) =>
        new(ModelTask.Segmentation, null, null, prediction ?? throw new ArgumentNullException(nameof(prediction)), null);

    /// <summary>Wraps a SAM prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The union.</returns>
    public static ModelPrediction FromSam(SamPrediction prediction) =>
        new(ModelTask.Sam, null, null, null, prediction ?? throw new ArgumentNullException(nameof(prediction)));
}
