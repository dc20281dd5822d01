namespace Scaneo.Inference.Processing;

/// <summary>A configured processing step (created by an <see cref="IProcessingStepFactory"/> from a spec).</summary>
public interface IProcessingStep
{
    /// <summary>Gets the spec the step was created from.</summary>
    StepSpec Spec { get; }
}
