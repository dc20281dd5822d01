using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>Runs any model, dispatching on <see cref="ModelDefinition.Task"/>.</summary>
public interface IInferenceClient
{
    /// <summary>Runs the model on one image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="model">The model.</param>
    /// <param name="samPrompt">The prompt; required for SAM models, ignored otherwise.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The prediction of the model's task.</returns>
    /// <exception cref="InferenceException">The request failed, the reply is invalid, or the task is unknown.</exception>
    Task<ModelPrediction> PredictAsync(Raster image, ModelDefinition model, SamPrompt? samPrompt = null, CancellationToken cancellationToken = default);
}
