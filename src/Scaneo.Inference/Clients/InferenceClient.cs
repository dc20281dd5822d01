using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>The facade behind <see cref="IInferenceClient"/>: dispatches to the typed client of the model's task.</summary>
internal sealed class InferenceClient(IClassificationClient classification, IDetectionClient detection, ISegmentationClient segmentation, ISamClient sam) : IInferenceClient
{
    public async Task<ModelPrediction> PredictAsync(Raster image, ModelDefinition model, SamPrompt? samPrompt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Task == ModelTask.Classification)
        {
            return ModelPrediction.FromClassification(await classification.ClassifyAsync(image, model, cancellationToken).ConfigureAwait(false));
        }

        if (model.Task == ModelTask.Detection)
        {
            return ModelPrediction.FromDetection(await detection.DetectAsync(image, model, cancellationToken).ConfigureAwait(false));
        }

        if (model.Task == ModelTask.Segmentation)
        {
            return ModelPrediction.FromSegmentation(await segmentation.SegmentAsync(image, model, cancellationToken).ConfigureAwait(false));
        }

        if (model.Task == ModelTask.Sam)
        {
            return ModelPrediction.FromSam(await sam.SegmentAsync(
                image,
                samPrompt ?? throw new InferenceException($"Model '{model.Name}' is a SAM model; expected a SamPrompt with its points, found none.", model.Name),
                model,
                cancellationToken).ConfigureAwait(false));
        }

        throw new InferenceException($"Model '{model.Name}' has the task '{model.Task}'; expected classification, detection, segmentation or sam.", model.Name);
    }
}
