namespace Scaneo.Inference.Processing;

/// <summary>A postprocessing step backed by a delegate.</summary>
internal sealed class PostprocessingStep(StepSpec spec, Func<ModelReply, PostprocessingContext, ModelReply> apply) : IPostprocessingStep
{
    public StepSpec Spec { get; } = spec;

    public ModelReply Apply(ModelReply reply, PostprocessingContext context)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(context);
        return apply(reply, context);
    }
}
