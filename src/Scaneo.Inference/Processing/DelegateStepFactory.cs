namespace Scaneo.Inference.Processing;

/// <summary>A step factory backed by a delegate (how the built-ins and <c>AddStep</c> register steps).</summary>
internal sealed class DelegateStepFactory(string name, ProcessingStage stage, Func<StepSpec, IProcessingStep> create) : IProcessingStepFactory
{
    public string Name { get; } = name;

    public ProcessingStage Stage { get; } = stage;

    public IProcessingStep Create(StepSpec spec) => create(spec);
}
