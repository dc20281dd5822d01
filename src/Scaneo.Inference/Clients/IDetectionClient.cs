using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>Runs detection models; boxes come back in pixels of the image that was sent.</summary>
public interface IDetectionClient
{
    /// <summary>Preprocesses the image, sends it, decodes the reply by content and postprocesses it.</summary>
    /// <param name="image">The image.</param>
    /// <param name="model">A detection model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The boxes in pixel coordinates of the sent (preprocessed) image.</returns>
    /// <exception cref="InferenceException">The request failed or the reply is not a detection (see the subtypes).</exception>
    Task<DetectionPrediction> DetectAsync(Raster image, ModelDefinition model, CancellationToken cancellationToken = default);
}
