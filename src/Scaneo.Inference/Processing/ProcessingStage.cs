namespace Scaneo.Inference.Processing;

/// <summary>When a processing step runs.</summary>
public enum ProcessingStage
{
    /// <summary>On the image before it is sent.</summary>
    Preprocessing,

    /// <summary>On the decoded reply, before its shape is validated against the task.</summary>
    Postprocessing,
}
