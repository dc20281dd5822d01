using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>What a postprocessing step may need besides the reply.</summary>
/// <param name="SentImage">The image as sent to the model (after preprocessing).</param>
/// <param name="Model">The model.</param>
public sealed record PostprocessingContext(Raster SentImage, ModelDefinition Model);
