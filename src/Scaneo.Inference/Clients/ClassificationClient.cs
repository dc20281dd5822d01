using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>The typed HTTP client behind <see cref="IClassificationClient"/>.</summary>
internal sealed class ClassificationClient(HttpClient httpClient, InferenceServices services) : IClassificationClient
{
    private readonly ModelInvoker _invoker = new(httpClient, services);

    public async Task<ClassificationPrediction> ClassifyAsync(Raster image, ModelDefinition model, CancellationToken cancellationToken = default)
    {
        var (reply, _) = await _invoker.RunAsync(image, model, ModelTask.Classification, null, null, cancellationToken).ConfigureAwait(false);
        return PredictionFactory.Classification(reply, model);
    }
}
