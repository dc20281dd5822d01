using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>The typed HTTP client behind <see cref="IDetectionClient"/>.</summary>
internal sealed class DetectionClient(HttpClient httpClient, InferenceServices services) : IDetectionClient
{
    private readonly ModelInvoker _invoker = new(httpClient, services);

    public async Task<DetectionPrediction> DetectAsync(Raster image, ModelDefinition model, CancellationToken cancellationToken = default)
    {
        var (reply, sent) = await _invoker.RunAsync(image, model, ModelTask.Detection, null, null, cancellationToken).ConfigureAwait(false);
        return PredictionFactory.Detection(reply, model, sent);
    }
}
