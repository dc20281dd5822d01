using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>A preprocessing step backed by a delegate.</summary>
internal sealed class PreprocessingStep(StepSpec spec, Func<Raster, Raster> apply) : IPreprocessingStep
{
    public StepSpec Spec { get; } = spec;

    public Raster Apply(Raster image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return apply(image);
    }
}
