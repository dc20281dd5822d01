namespace Scaneo.Cli.Overlays;

/// <summary>A point in pixel coordinates of the image (column, row; corners at integers).</summary>
internal readonly record struct PixelPoint(double Column, double Row);

/// <summary>One annotation to draw: its rings in pixel coordinates (exterior and holes, drawn even-odd).</summary>
internal sealed record OverlayShape(string Label, string Color, IReadOnlyList<IReadOnlyList<PixelPoint>> Rings);

/// <summary>A legend row: a colour swatch, a name and a short note (e.g. the number of annotations).</summary>
internal sealed record LegendEntry(string Name, string Color, string Note);

/// <summary>Everything an overlay shows for one image.</summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Rgb">Natural-colour pixels, interleaved RGB, already stretched to 0–255.</param>
/// <param name="Annotations">Annotations to outline and fill in their label colours.</param>
/// <param name="UncertainAreas">Uncertain areas to outline on the heatmap panel.</param>
/// <param name="Uncertainty">Per-pixel uncertainty in [0, 1] (NaN where undefined), or null when none was computed.</param>
/// <param name="Legend">Legend rows.</param>
/// <param name="Title">Title (the image name).</param>
/// <param name="Subtitle">A line under the title (classification, score, rank).</param>
internal sealed record OverlayScene(
    int Width,
    int Height,
    byte[] Rgb,
    IReadOnlyList<OverlayShape> Annotations,
    IReadOnlyList<OverlayShape> UncertainAreas,
    float[]? Uncertainty,
    IReadOnlyList<LegendEntry> Legend,
    string Title,
    string Subtitle);
