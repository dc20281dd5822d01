using Microsoft.Extensions.Logging;

namespace Scaneo.Inference.Diagnostics;

/// <summary>Source-generated log messages. Endpoints are logged without userinfo or query; credentials never.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Sending {Task} request to model {Model} at {Endpoint} ({Bytes} bytes of {MediaType})")]
    public static partial void Sending(ILogger logger, string task, string model, string endpoint, long bytes, string mediaType);

    [LoggerMessage(2, LogLevel.Debug, "Model {Model} answered {Status} with {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string model, int status, long bytes, double elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "Model {Model} request failed: {Failure}")]
    public static partial void Failed(ILogger logger, string model, string failure);

    [LoggerMessage(4, LogLevel.Information, "Model {Model} returned a {ReplyWidth}×{ReplyHeight} mask for a {ImageWidth}×{ImageHeight} image; resampled nearest-neighbour to the image grid")]
    public static partial void MaskResampled(ILogger logger, string model, int replyWidth, int replyHeight, int imageWidth, int imageHeight);

    [LoggerMessage(5, LogLevel.Trace, "Model {Model} reply starts with: {Excerpt}")]
    public static partial void ReplyExcerpt(ILogger logger, string model, string excerpt);

    [LoggerMessage(6, LogLevel.Debug, "Batch item {ItemId} failed: {Failure}")]
    public static partial void BatchItemFailed(ILogger logger, string itemId, string failure);
}
