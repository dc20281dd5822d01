using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>A model's preprocessing and postprocessing steps, in order.</summary>
public sealed class ProcessingPipeline
{
    /// <summary>Initializes a pipeline.</summary>
    /// <param name="preprocessing">Steps applied to the image before sending.</param>
    /// <param name="postprocessing">Steps applied to the decoded reply before validation.</param>
    public ProcessingPipeline(IEnumerable<IPreprocessingStep> preprocessing, IEnumerable<IPostprocessingStep> postprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(postprocessing);
        Preprocessing = [.. preprocessing];
        Postprocessing = [.. postprocessing];
    }

    /// <summary>Gets the preprocessing steps.</summary>
    public IReadOnlyList<IPreprocessingStep> Preprocessing { get; }

    /// <summary>Gets the postprocessing steps.</summary>
    public IReadOnlyList<IPostprocessingStep> Postprocessing { get; }

    /// <summary>Applies the preprocessing steps in order.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The image to send.</returns>
    public Raster Preprocess(Raster image)
    {
        ArgumentNullException.ThrowIfNull(image);
        foreach (var step in Preprocessing)
        {
            image = step.Apply(image);
        }

        return image;
    }

    /// <summary>Applies the postprocessing steps in order.</summary>
    /// <param name="reply">The decoded reply.</param>
    /// <param name="context">The sent image and the model.</param>
    /// <returns>The reply to validate.</returns>
    public ModelReply Postprocess(ModelReply reply, PostprocessingContext context)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var step in Postprocessing)
        {
            reply = step.Apply(reply, context);
        }

        return reply;
    }
}
