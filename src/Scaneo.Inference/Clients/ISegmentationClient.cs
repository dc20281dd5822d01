using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>Runs segmentation models; the class mask comes back aligned to the image grid.</summary>
public interface ISegmentationClient
{
    /// <summary>Preprocesses the image, sends it, decodes the mask or score raster and postprocesses it.</summary>
    /// <param name="image">The image.</param>
    /// <param name="model">A segmentation model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A one-band class mask with the sent image's size, geotransform and CRS, plus per-class scores when the model gave them.</returns>
    /// <exception cref="InferenceException">The request failed or the reply is not a mask (see the subtypes).</exception>
    Task<SegmentationPrediction> SegmentAsync(Raster image, ModelDefinition model, CancellationToken cancellationToken = default);
}
