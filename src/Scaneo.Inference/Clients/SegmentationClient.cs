using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>The typed HTTP client behind <see cref="ISegmentationClient"/>.</summary>
internal sealed class SegmentationClient(HttpClient httpClient, InferenceServices services) : ISegmentationClient
{
    private readonly ModelInvoker _invoker = new(httpClient, services);

    public async Task<SegmentationPrediction> SegmentAsync(Raster image, ModelDefinition model, CancellationToken cancellationToken = default)
    {
        var (reply, sent) = await _invoker.RunAsync(image, model, ModelTask.Segmentation, null, null, cancellationToken).ConfigureAwait(false);
        return PredictionFactory.Segmentation(reply, model, sent, _invoker.Options.MaskSizeMismatch, _invoker.Logger);
    }
}
