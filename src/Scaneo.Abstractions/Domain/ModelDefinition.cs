using System.Globalization;

namespace Scaneo;

/// <summary>A model server registered by URL and task, with its processing steps and what it outputs.</summary>
public sealed class ModelDefinition
{
    /// <summary>Initializes a new model definition.</summary>
    /// <param name="name">Non-empty name, unique within a campaign.</param>
    /// <param name="endpoint">Absolute http or https URL the image is POSTed to.</param>
    /// <param name="task">The task.</param>
    /// <param name="description">Free text.</param>
    /// <param name="version">Version label recorded in annotation provenance.</param>
    /// <param name="inputFormat">How the image is encoded in the request.</param>
    /// <param name="preprocessing">Step specs applied to the image before sending, e.g. <c>S2RGB</c>.</param>
    /// <param name="postprocessing">Step specs applied to the reply, e.g. <c>Sigmoid(threshold=0.5)</c>.</param>
    /// <param name="outputCount">Declared number of model outputs (classes), if known.</param>
    /// <param name="outputNames">Declared output (class) names in output order, if known.</param>
    /// <exception cref="ScaneoValidationException">A rule is broken; the message names the field.</exception>
    public ModelDefinition(
        string name,
        Uri endpoint,
        ModelTask task,
        string? description = null,
        string? version = null,
        ImageFormat inputFormat = ImageFormat.GeoTiff,
        IEnumerable<string>? preprocessing = null,
        IEnumerable<string>? postprocessing = null,
        int? outputCount = null,
        IEnumerable<string>? outputNames = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ScaneoValidationException("ModelDefinition.Name", name, "must be a non-empty name.");
        }

        Name = name.Trim();
        string field = $"ModelDefinition({Name})";
        if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ScaneoValidationException(field + ".Endpoint", endpoint?.OriginalString, "must be an absolute http:// or https:// URL.");
        }

        if (!Enum.IsDefined(inputFormat))
        {
            throw new ScaneoValidationException(field + ".InputFormat", inputFormat.ToString(), "must be geotiff, png or jpeg.");
        }

        Preprocessing = CopySteps(field + ".Preprocessing", preprocessing);
        Postprocessing = CopySteps(field + ".Postprocessing", postprocessing);
        if (outputCount is <= 0)
        {
            throw new ScaneoValidationException(field + ".OutputCount", outputCount.Value.ToString(CultureInfo.InvariantCulture), "must be a positive number of outputs.");
        }

        if (outputNames is not null)
        {
            string[] names = [.. outputNames];
            for (int i = 0; i < names.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(names[i]))
                {
                    throw new ScaneoValidationException($"{field}.OutputNames[{i}]", names[i], "must be a non-empty output name.");
                }
            }

            if (outputCount is int count && count != names.Length)
            {
                throw new ScaneoValidationException(
                    field + ".OutputNames",
                    names.Length.ToString(CultureInfo.InvariantCulture) + " names",
                    $"must list exactly OutputCount = {count} names.");
            }

            OutputNames = names;
            outputCount ??= names.Length;
        }

        Endpoint = endpoint;
        Task = task;
        Description = description ?? string.Empty;
        Version = version;
        InputFormat = inputFormat;
        OutputCount = outputCount;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the free-text description.</summary>
    public string Description { get; }

    /// <summary>Gets the version label, if any.</summary>
    public string? Version { get; }

    /// <summary>Gets the endpoint (http or https).</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the task.</summary>
    public ModelTask Task { get; }

    /// <summary>Gets how the image is encoded in the request.</summary>
    public ImageFormat InputFormat { get; }

    /// <summary>Gets the preprocessing step specs, in order.</summary>
    public IReadOnlyList<string> Preprocessing { get; }

    /// <summary>Gets the postprocessing step specs, in order.</summary>
    public IReadOnlyList<string> Postprocessing { get; }

    /// <summary>Gets the declared number of outputs, if known.</summary>
    public int? OutputCount { get; }

    /// <summary>Gets the declared output names in output order, if known.</summary>
    public IReadOnlyList<string>? OutputNames { get; }

    /// <summary>Returns a copy pointing at another endpoint (used to resolve placeholder endpoints at run time).</summary>
    /// <param name="endpoint">The new endpoint.</param>
    /// <returns>The copy.</returns>
    public ModelDefinition WithEndpoint(Uri endpoint) =>
        new(Name, endpoint, Task, Description, Version, InputFormat, Preprocessing, Postprocessing, OutputCount, OutputNames);

    private static string[] CopySteps(string field, IEnumerable<string>? steps)
    {
        if (steps is null)
        {
            return [];
        }

        string[] copy = [.. steps];
        for (int i = 0; i < copy.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(copy[i]))
            {
                throw new ScaneoValidationException($"{field}[{i}]", copy[i], "must be a non-empty step spec such as Argmax or Sigmoid(threshold=0.5).");
            }
        }

        return copy;
    }
}
