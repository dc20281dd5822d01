using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>A step that transforms the image before it is sent to the model.</summary>
public interface IPreprocessingStep : IProcessingStep
{
    /// <summary>Transforms the image. Implementations never modify <paramref name="image"/> in place.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The transformed image (same size and georeferencing unless the step says otherwise).</returns>
    /// <exception cref="InferenceException">The image does not suit the step (e.g. too few bands).</exception>
    Raster Apply(Raster image);
}
