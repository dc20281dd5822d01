using Scaneo.Cli.Overlays;
using SkiaSharp;

namespace Scaneo.Cli.Tests.Overlays;

public sealed class OverlayRendererTests
{
    private static OverlayScene Scene(float[]? uncertainty = null)
    {
        const int w = 40, h = 30;
        var rgb = new byte[w * h * 3];
        Array.Fill(rgb, (byte)128);
        var square = new List<PixelPoint> { new(10, 10), new(30, 10), new(30, 20), new(10, 20) };
        return new OverlayScene(
            w,
            h,
            rgb,
            [new OverlayShape("water", "#0000ff", [square])],
            [],
            uncertainty,
            [new LegendEntry("water", "#0000ff", "1 annotation")],
            "tile.tif",
            "classification: water (0.91)");
    }

    [Fact]
    public void RenderPng_Scene_ProducesDecodablePngWithTwoPanels()
    {
        byte[] png = OverlayRenderer.RenderPng(Scene());

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        // 40-pixel tiles are scaled ×12 → two 480-pixel panels side by side plus margins.
        Assert.True(bitmap.Width > 2 * 480, $"width {bitmap.Width}");
        Assert.True(bitmap.Height > 360, $"height {bitmap.Height}");
    }

    [Fact]
    public void RenderPng_FilledAnnotation_TintsInsideWithLabelColourAndLeavesOutsideGrey()
    {
        byte[] png = OverlayRenderer.RenderPng(Scene());
        using var bitmap = SKBitmap.Decode(png);

        // Scale 12, panel origin (16, 58): pixel (20, 15) is inside the square, (5, 5) outside.
        var inside = bitmap.GetPixel(16 + (20 * 12), 58 + (15 * 12));
        var outside = bitmap.GetPixel(16 + (5 * 12), 58 + (5 * 12));
        Assert.True(inside.Blue > inside.Red + 40, $"inside {inside}");
        Assert.Equal(outside.Red, outside.Blue);
    }

    [Fact]
    public void RenderPng_Uncertainty_PaintsHeatmapOnRightPanelOnly()
    {
        var u = new float[40 * 30];
        Array.Fill(u, 1f);
        byte[] png = OverlayRenderer.RenderPng(Scene(u));
        using var bitmap = SKBitmap.Decode(png);

        int rightX = 16 + 480 + 16 + (5 * 12);
        var hot = bitmap.GetPixel(rightX, 58 + (5 * 12));
        // Full uncertainty maps to pale yellow: red and green high, blue lower.
        Assert.True(hot.Red > 180 && hot.Green > 180, $"heat {hot}");
    }

    [Fact]
    public void RenderPng_WrongRgbLength_ThrowsArgumentExceptionNamingSizes()
    {
        var scene = Scene() with { Rgb = new byte[10] };

        var ex = Assert.Throws<ArgumentException>(() => OverlayRenderer.RenderPng(scene));
        Assert.Contains("3600", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.5f)]
    [InlineData(1f)]
    public void HeatColor_IsMonotoneInBrightness(float t)
    {
        var a = OverlayRenderer.HeatColor(t);
        var b = OverlayRenderer.HeatColor(Math.Min(1, t + 0.25f));
        Assert.True(a.Red + a.Green + a.Blue <= b.Red + b.Green + b.Blue);
    }
}
