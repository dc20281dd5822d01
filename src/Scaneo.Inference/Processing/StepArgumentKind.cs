namespace Scaneo.Inference.Processing;

/// <summary>The kinds of values a step parameter can hold.</summary>
public enum StepArgumentKind
{
    /// <summary>A number, e.g. <c>0.5</c> or <c>-3e2</c>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A quoted string, e.g. <c>'rgb'</c> or <c>"rgb"</c>.</summary>
    String,

    /// <summary>A list in brackets, e.g. <c>[4, 3, 2]</c>.</summary>
    List,
}
