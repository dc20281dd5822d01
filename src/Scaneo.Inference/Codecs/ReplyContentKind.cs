namespace Scaneo.Inference.Codecs;

/// <summary>What a reply body is, judged by its bytes (never by the Content-Type header).</summary>
internal enum ReplyContentKind
{
    Empty,
    Json,
    Tiff,
    Png,
    Jpeg,
    Unknown,
}
