using System.Globalization;

namespace Scaneo.Inference;

/// <summary>The reply (declared length or bytes read so far) exceeds <see cref="InferenceOptions.MaxReplyBytes"/>.</summary>
public sealed class ReplyTooLargeException : InferenceException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="size">The declared or observed size in bytes.</param>
    /// <param name="declared">Whether the size is the declared Content-Length (else: bytes read when the limit was crossed).</param>
    public ReplyTooLargeException(string modelName, long limit, long size, bool declared)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' sent a reply of {(declared ? string.Empty : "more than ")}{size} bytes{(declared ? " (Content-Length)" : string.Empty)}; expected at most {limit} bytes (InferenceOptions.MaxReplyBytes)."),
            modelName)
    {
        Limit = limit;
        Size = size;
    }

    /// <summary>Gets the limit in bytes.</summary>
    public long Limit { get; }

    /// <summary>Gets the declared or observed size in bytes.</summary>
    public long Size { get; }
}
