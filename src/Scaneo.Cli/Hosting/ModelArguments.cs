using System.CommandLine;
using System.Globalization;

namespace Scaneo.Cli.Hosting;

/// <summary>
/// The options that name a model on the command line — <c>--model URL --task TASK [--labels name=index,…]</c> —
/// shared by <c>infer</c>, <c>label</c> and <c>rank</c>, and their translation into a <see cref="CampaignModel"/>.
/// </summary>
internal sealed class ModelArguments
{
    public ModelArguments(bool required)
    {
        Model = new Option<string?>("--model", "-m") { Description = "URL of the model server endpoint (http or https).", Required = required };
        Task = new Option<string?>("--task", "-t") { Description = "classification, detection, segmentation or sam.", Required = required };
        Task.AcceptOnlyFromAmong("classification", "detection", "segmentation", "sam");
        Labels = new Option<string?>("--labels", "-l")
        {
            Description = "Campaign labels → model outputs, e.g. water=2,urban=1,forest= (blank: the model has no such class).",
        };
        Format = new Option<string>("--image-format") { Description = "How images are sent: geotiff, png or jpeg.", DefaultValueFactory = _ => "geotiff" };
        Format.AcceptOnlyFromAmong("geotiff", "png", "jpeg");
        Pre = new Option<string[]>("--pre") { Description = "Preprocessing step, e.g. S2RGB or BandSelect(bands=[4,3,2]); repeatable, applied in order." };
        Post = new Option<string[]>("--post") { Description = "Postprocessing step, e.g. Argmax or Sigmoid(threshold=0.5); repeatable." };
    }

    public Option<string?> Model { get; }

    public Option<string?> Task { get; }

    public Option<string?> Labels { get; }

    public Option<string> Format { get; }

    public Option<string[]> Pre { get; }

    public Option<string[]> Post { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Task);
        command.Options.Add(Labels);
        command.Options.Add(Format);
        command.Options.Add(Pre);
        command.Options.Add(Post);
    }

    /// <summary>Returns the command-line model, or null when <c>--model</c> was not given.</summary>
    /// <exception cref="CliUsageException">Inconsistent options or a malformed <c>--labels</c>.</exception>
    public CampaignModel? Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? url = parse.GetValue(Model);
        string? task = parse.GetValue(Task);
        string? labels = parse.GetValue(Labels);
        string[] pre = parse.GetValue(Pre) ?? [];
        string[] post = parse.GetValue(Post) ?? [];
        if (url is null)
        {
            if (task is not null || labels is not null || pre.Length > 0 || post.Length > 0)
            {
                throw new CliUsageException("--task, --labels, --pre and --post describe the model given with --model URL; --model is missing.");
            }

            return null;
        }

        if (task is null)
        {
            throw new CliUsageException("--model needs --task classification|detection|segmentation|sam.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint))
        {
            throw new CliUsageException($"--model expects an absolute http:// or https:// URL; found \"{url}\".");
        }

        var format = parse.GetValue(Format) switch { "png" => ImageFormat.Png, "jpeg" => ImageFormat.Jpeg, _ => ImageFormat.GeoTiff };
        var model = new ModelDefinition("command-line", endpoint, new ModelTask(task), inputFormat: format, preprocessing: pre, postprocessing: post);
        return new CampaignModel(model, ParseLabels(labels ?? string.Empty));
    }

    /// <summary>Parses <c>water=2,urban=1,forest=</c> (several outputs for one label: <c>crops=3+4</c>).</summary>
    internal static LabelMapping ParseLabels(string text)
    {
        var entries = new List<KeyValuePair<string, IReadOnlyList<int>>>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--labels expects name=index pairs separated by commas (e.g. water=2,forest=); found \"{part}\".");
            }

            string name = part[..eq].Trim();
            string value = part[(eq + 1)..].Trim();
            var outputs = new List<int>();
            foreach (string index in value.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i))
                {
                    throw new CliUsageException($"--labels: \"{name}\" maps to \"{value}\"; expected a non-negative output index, several joined by '+', or nothing.");
                }

                outputs.Add(i);
            }

            entries.Add(new(name, outputs));
        }

        try
        {
            return new LabelMapping(entries);
        }
        catch (ScaneoValidationException ex)
        {
            throw new CliUsageException("--labels: " + ex.Message);
        }
    }
}
