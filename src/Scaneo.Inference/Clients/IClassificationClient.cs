using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>Runs classification models (SCANEO protocol and peer reply shapes).</summary>
public interface IClassificationClient
{
    /// <summary>Preprocesses the image, sends it, decodes the reply by content and postprocesses it.</summary>
    /// <param name="image">The image.</param>
    /// <param name="model">A classification model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One score per model output, with whether they are probabilities or logits.</returns>
    /// <exception cref="InferenceException">The request failed or the reply is not a classification (see the subtypes).</exception>
    Task<ClassificationPrediction> ClassifyAsync(Raster image, ModelDefinition model, CancellationToken cancellationToken = default);
}
