namespace Scaneo.Inference.Processing;

/// <summary>A step that transforms the decoded reply before it is validated against the model's task.</summary>
public interface IPostprocessingStep : IProcessingStep
{
    /// <summary>Transforms the reply. Implementations never modify <paramref name="reply"/> in place.</summary>
    /// <param name="reply">The decoded reply.</param>
    /// <param name="context">The image that was sent and the model.</param>
    /// <returns>The transformed reply.</returns>
    /// <exception cref="ReplyFormatException">The reply does not suit the step.</exception>
    ModelReply Apply(ModelReply reply, PostprocessingContext context);
}
