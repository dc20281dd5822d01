namespace Scaneo.Inference.Processing;

/// <summary>
/// The steps known by name: the built-ins plus any <see cref="IProcessingStepFactory"/> registered in DI (a custom
/// factory with a built-in's name replaces the built-in). Parses specs and creates steps with clear errors.
/// </summary>
public sealed class ProcessingStepRegistry
{
    private readonly Dictionary<string, IProcessingStepFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a registry with the built-in steps and the given custom factories.</summary>
    /// <param name="customFactories">Custom factories (DI passes every registered <see cref="IProcessingStepFactory"/>).</param>
    public ProcessingStepRegistry(IEnumerable<IProcessingStepFactory>? customFactories = null)
    {
        foreach (var factory in BuiltInFactories())
        {
            _factories[factory.Name] = factory;
        }

        foreach (var factory in customFactories ?? [])
        {
            ArgumentNullException.ThrowIfNull(factory);
            if (!StepSpecParser.IsIdentifier(factory.Name))
            {
                throw new ScaneoValidationException("IProcessingStepFactory.Name", factory.Name, "must be an identifier (letters, digits, _).");
            }

            _factories[factory.Name] = factory;
        }
    }

    /// <summary>Gets a registry holding only the built-in steps.</summary>
    public static ProcessingStepRegistry Default { get; } = new();

    /// <summary>Gets the names of the known steps, sorted.</summary>
    public IReadOnlyList<string> KnownSteps => [.. _factories.Values.Select(f => f.Name).Order(StringComparer.Ordinal)];

    /// <summary>Gets the names of the known steps of one stage, sorted.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> GetKnownSteps(ProcessingStage stage) =>
        [.. _factories.Values.Where(f => f.Stage == stage).Select(f => f.Name).Order(StringComparer.Ordinal)];

    /// <summary>Parses a spec and creates its preprocessing step.</summary>
    /// <param name="spec">The spec text, e.g. <c>BandSelect(bands=[4,3,2])</c>.</param>
    /// <returns>The step.</returns>
    /// <exception cref="StepSpecException">Bad syntax, unknown step, a postprocessing step, or bad parameters.</exception>
    public IPreprocessingStep CreatePreprocessing(string spec) => (IPreprocessingStep)Create(spec, ProcessingStage.Preprocessing);

    /// <summary>Parses a spec and creates its postprocessing step.</summary>
    /// <param name="spec">The spec text, e.g. <c>Sigmoid(threshold=0.5)</c>.</param>
    /// <returns>The step.</returns>
    /// <exception cref="StepSpecException">Bad syntax, unknown step, a preprocessing step, or bad parameters.</exception>
    public IPostprocessingStep CreatePostprocessing(string spec) => (IPostprocessingStep)Create(spec, ProcessingStage.Postprocessing);

    /// <summary>Builds the pipeline of a model's pre- and postprocessing steps.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="StepSpecException">A spec is invalid.</exception>
    public ProcessingPipeline CreatePipeline(ModelDefinition model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ProcessingPipeline(
            [.. model.Preprocessing.Select(CreatePreprocessing)],
            [.. model.Postprocessing.Select(CreatePostprocessing)]);
    }

    internal static IEnumerable<IProcessingStepFactory> BuiltInFactories() =>
        PreprocessingSteps.All().Concat(PostprocessingSteps.All());

    private IProcessingStep Create(string text, ProcessingStage stage)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = GetKnownSteps(stage);
        var spec = StepSpecParser.Parse(text, known);
        string kind = stage == ProcessingStage.Preprocessing ? "preprocessing" : "postprocessing";
        int nameColumn = text.Length - text.TrimStart().Length + 1;
        if (!_factories.TryGetValue(spec.Name, out var factory))
        {
            throw new StepSpecException(text, nameColumn, $"unknown {kind} step '{spec.Name}'", known);
        }

        if (factory.Stage != stage)
        {
            throw new StepSpecException(text, nameColumn, $"'{factory.Name}' is a {(factory.Stage == ProcessingStage.Preprocessing ? "preprocessing" : "postprocessing")} step; expected a {kind} step", known);
        }

        IProcessingStep step;
        try
        {
            step = factory.Create(spec);
        }
        catch (StepSpecException ex) when (ex.KnownSteps.Count == 0)
        {
            throw new StepSpecException(text, ex.Column, ex.Problem, known);
        }

        bool fits = stage == ProcessingStage.Preprocessing ? step is IPreprocessingStep : step is IPostprocessingStep;
        return fits ? step : throw new StepSpecException(text, 0, $"the factory of '{factory.Name}' returned a {step?.GetType().Name ?? "null"}; expected an I{(stage == ProcessingStage.Preprocessing ? "Pre" : "Post")}processingStep", known);
    }
}
