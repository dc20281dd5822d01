using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Scaneo.Inference.Codecs;
using Scaneo.Inference.Diagnostics;
using Scaneo.Inference.Processing;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>
/// The request/reply cycle shared by the typed clients: preprocess, encode, send, decode by content, postprocess.
/// Validation against the task happens afterwards in <see cref="PredictionFactory"/> — postprocessing runs first so
/// that steps such as Argmax can turn score rasters into masks (upstream validated first and could not).
/// </summary>
internal sealed class ModelInvoker
{
    private readonly ModelHttpInvoker _http;
    private readonly ProcessingStepRegistry _steps;
    private readonly IMapTransformProvider? _transforms;

    public ModelInvoker(HttpClient httpClient, InferenceServices services)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(services);
        Logger = services.LoggerFactory.CreateLogger("Scaneo.Inference");
        _http = new ModelHttpInvoker(httpClient, services.Options, services.ModelResilience, Logger);
        _steps = services.Steps;
        _transforms = services.Transforms;
    }

    public ILogger Logger { get; }

    public InferenceOptions Options => _http.Options;

    public async Task<(ModelReply Reply, Raster Sent)> RunAsync(
        Raster image,
        ModelDefinition model,
        ModelTask expectedTask,
        Action<MultipartFormDataContent, Raster>? addFields,
        ImageFormat? formatOverride,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Task != expectedTask)
        {
            throw new InferenceException($"Model '{model.Name}' is a {model.Task} model; expected a {expectedTask} model for this client.", model.Name);
        }

        using var activity = InferenceDiagnostics.ActivitySource.StartActivity("scaneo.inference.predict", ActivityKind.Client);
        activity?.SetTag("scaneo.model", model.Name);
        activity?.SetTag("scaneo.task", model.Task.Value);
        activity?.SetTag("server.address", model.Endpoint.Host);
        long started = Stopwatch.GetTimestamp();
        string outcome = "error";
        try
        {
            var pipeline = _steps.CreatePipeline(model);
            Raster sent = pipeline.Preprocess(image);
            using var content = new MultipartFormDataContent();
            var (file, fileName) = RasterWire.Encode(sent, formatOverride ?? model.InputFormat, model.Name);
            content.Add(file, "image", fileName);
            addFields?.Invoke(content, sent);
            ReadOnlyMemory<byte> body = await _http.SendAsync(model, content, cancellationToken).ConfigureAwait(false);
            ModelReply reply;
            try
            {
                reply = Decode(body, model, sent);
                reply = pipeline.Postprocess(reply, new PostprocessingContext(sent, model));
            }
            catch (ReplyFormatException ex)
            {
                throw ex.WithModel(model.Name);
            }

            outcome = "success";
            return (reply, sent);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (InferenceException ex)
        {
            outcome = ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            var tags = new TagList { { "scaneo.model", model.Name }, { "scaneo.task", model.Task.Value }, { "scaneo.outcome", outcome } };
            InferenceDiagnostics.Requests.Add(1, tags);
            InferenceDiagnostics.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private ModelReply Decode(ReadOnlyMemory<byte> body, ModelDefinition model, Raster sent)
    {
        var kind = ReplySniffer.Sniff(body.Span);
        string task = model.Task.Value;
        if (kind == ReplyContentKind.Json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new ReplyFormatException($"a {task} reply in valid JSON", $"invalid JSON ({ex.Message}) in {ReplySniffer.Describe(body.Span)}", model.Name, ex);
            }

            using (document)
            {
                var root = document.RootElement;
                if (model.Task == ModelTask.Classification)
                {
                    return ClassificationJsonDecoder.Decode(root);
                }

                if (model.Task == ModelTask.Detection)
                {
                    return DetectionJsonDecoder.Decode(root, new DetectionDecodeContext(sent.Width, sent.Height, sent.GeoTransform, sent.Crs, _transforms));
                }

                if (model.Task == ModelTask.Sam)
                {
                    return GeometryJsonDecoder.Decode(root);
                }

                throw new ReplyFormatException("a segmentation reply as a GeoTIFF or PNG image (one band of class values, or one band of scores per class)", "the reply is JSON: " + JsonValues.Kind(root));
            }
        }

        if (kind is ReplyContentKind.Tiff or ReplyContentKind.Png or ReplyContentKind.Jpeg)
        {
            if (model.Task == ModelTask.Segmentation)
            {
                return new RasterReply(RasterWire.Decode(body, model.Name, sent));
            }

            if (model.Task == ModelTask.Sam)
            {
                throw new ReplyFormatException("a SAM reply as GeoJSON in EPSG:4326 (2-D mask replies are not supported)", "the reply is " + ReplySniffer.Describe(body.Span));
            }

            throw new ReplyFormatException($"a {task} reply as JSON", "the reply is " + ReplySniffer.Describe(body.Span));
        }

        string expected = model.Task == ModelTask.Segmentation ? "a segmentation reply as a GeoTIFF or PNG image" : $"a {task} reply as JSON";
        throw new ReplyFormatException(expected, "the reply is " + ReplySniffer.Describe(body.Span));
    }
}
