namespace Scaneo.Inference.Processing;

/// <summary>
/// Creates steps of one name from specs. Register custom steps in DI as <c>IProcessingStepFactory</c> singletons
/// (or with <c>IScaneoInferenceBuilder.AddStep</c>); a custom factory with a built-in's name replaces the built-in.
/// </summary>
public interface IProcessingStepFactory
{
    /// <summary>Gets the step name (matched case-insensitively).</summary>
    string Name { get; }

    /// <summary>Gets when the step runs.</summary>
    ProcessingStage Stage { get; }

    /// <summary>Creates a step; <see cref="IPreprocessingStep"/> or <see cref="IPostprocessingStep"/> according to <see cref="Stage"/>.</summary>
    /// <param name="spec">The parsed spec.</param>
    /// <returns>The step.</returns>
    /// <exception cref="StepSpecException">A parameter is missing, unknown or of the wrong kind.</exception>
    IProcessingStep Create(StepSpec spec);
}
