using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>Runs SAM-like interactive segmentation models (experimental in SCANEO).</summary>
public interface ISamClient
{
    /// <summary>
    /// Sends the image as 8-bit RGB PNG (JPEG when the model's input format is JPEG) with the prompt's points as
    /// pixel <c>[col, row]</c>, the label, the CRS and the GDAL geotransform.
    /// </summary>
    /// <param name="image">A georeferenced image; after preprocessing it must be 8-bit with 3 bands (add S2RGB or BandSelect + ToUInt8).</param>
    /// <param name="prompt">Points and label.</param>
    /// <param name="model">A SAM model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The polygon(s) in EPSG:4326.</returns>
    /// <exception cref="InferenceException">The request failed or the reply is not GeoJSON (see the subtypes).</exception>
    Task<SamPrediction> SegmentAsync(Raster image, SamPrompt prompt, ModelDefinition model, CancellationToken cancellationToken = default);
}
