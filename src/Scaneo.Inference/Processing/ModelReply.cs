namespace Scaneo.Inference.Processing;

/// <summary>
/// A decoded but not yet validated model reply: what postprocessing steps see. One of
/// <see cref="ScoresReply"/>, <see cref="BoxesReply"/>, <see cref="RasterReply"/> or <see cref="GeometryReply"/>.
/// </summary>
public abstract class ModelReply
{
    private protected ModelReply()
    {
    }

    /// <summary>Gets a short description of the reply's shape for error messages, e.g. "2 bands of float32".</summary>
    public abstract string Describe();
}
