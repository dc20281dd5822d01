using System.Globalization;
using SkiaSharp;

namespace Scaneo.Cli.Overlays;

/// <summary>
/// Draws an overlay PNG with SkiaSharp: on the left the image in natural colours with annotations (translucent
/// fills, solid outlines in their label colours); on the right the uncertainty heatmap over a dimmed image with
/// the uncertain areas outlined; a title, a legend and a colour bar underneath.
/// </summary>
internal static class OverlayRenderer
{
    private const int Margin = 16;
    private const int HeaderHeight = 58;
    private const int PanelGap = 16;
    private const float FillAlpha = 0.35f;
    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    /// <summary>Renders the scene and returns PNG bytes.</summary>
    public static byte[] RenderPng(OverlayScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (scene.Rgb.Length != scene.Width * scene.Height * 3)
        {
            throw new ArgumentException($"Expected {scene.Width * scene.Height * 3} RGB bytes for {scene.Width} × {scene.Height}, found {scene.Rgb.Length}.", nameof(scene));
        }

        // Small tiles are scaled up with nearest-neighbour pixels so that a 175-pixel tile is still readable.
        float scale = Math.Max(1, (int)Math.Ceiling(480.0 / Math.Max(scene.Width, scene.Height)));
        int panelW = (int)(scene.Width * scale);
        int panelH = (int)(scene.Height * scale);
        int legendRows = scene.Legend.Count + 1;
        int legendHeight = 24 + (legendRows * 22) + 40;
        int width = (2 * panelW) + PanelGap + (2 * Margin);
        int height = HeaderHeight + panelH + legendHeight + Margin;

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(250, 250, 248));
        using var font = new SKFont(Typeface.Value, 20) { Embolden = true, Subpixel = true };
        using var small = new SKFont(Typeface.Value, 14) { Subpixel = true };
        using var ink = new SKPaint { Color = new SKColor(33, 33, 33), IsAntialias = true };
        using var muted = new SKPaint { Color = new SKColor(95, 95, 95), IsAntialias = true };

        canvas.DrawText(scene.Title, Margin, 28, SKTextAlign.Left, font, ink);
        canvas.DrawText(scene.Subtitle, Margin, 48, SKTextAlign.Left, small, muted);

        using var image = CreateImage(scene);
        var left = SKRect.Create(Margin, HeaderHeight, panelW, panelH);
        var right = SKRect.Create(Margin + panelW + PanelGap, HeaderHeight, panelW, panelH);
        var sampling = new SKSamplingOptions(SKFilterMode.Nearest);
        canvas.DrawImage(image, left, sampling);
        DrawShapes(canvas, scene.Annotations, left, scale, fill: true, dashed: false);

        canvas.DrawImage(image, right, sampling);
        using (var dim = new SKPaint { Color = new SKColor(0, 0, 0, 110) })
        {
            canvas.DrawRect(right, dim);
        }

        if (scene.Uncertainty is not null)
        {
            using var heat = CreateHeatmap(scene);
            canvas.DrawImage(heat, right, sampling);
        }

        DrawShapes(canvas, scene.UncertainAreas, right, scale, fill: false, dashed: true);
        using (var frame = new SKPaint { Color = new SKColor(60, 60, 60), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true })
        {
            canvas.DrawRect(left, frame);
            canvas.DrawRect(right, frame);
        }

        float y = HeaderHeight + panelH + 24;
        canvas.DrawText("Annotations", left.Left, y, SKTextAlign.Left, small, ink);
        canvas.DrawText("Model uncertainty (dashed: uncertain areas)", right.Left, y, SKTextAlign.Left, small, ink);
        y += 10;
        foreach (var entry in scene.Legend)
        {
            y += 22;
            using var swatch = new SKPaint { Color = Parse(entry.Color), IsAntialias = true };
            canvas.DrawRoundRect(SKRect.Create(left.Left, y - 13, 26, 16), 3, 3, swatch);
            canvas.DrawText(entry.Name, left.Left + 36, y, SKTextAlign.Left, small, ink);
            canvas.DrawText(entry.Note, left.Left + 170, y, SKTextAlign.Left, small, muted);
        }

        DrawColorBar(canvas, SKRect.Create(right.Left, HeaderHeight + panelH + 44, Math.Min(panelW, 320), 14), small, ink);

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Maps an uncertainty in [0, 1] to a perceptually ordered colour (dark purple → orange → pale yellow).</summary>
    internal static SKColor HeatColor(float t)
    {
        // Anchor colours of matplotlib's "inferno" map, linearly interpolated.
        ReadOnlySpan<byte> stops = [0, 0, 4, 87, 16, 110, 188, 55, 84, 249, 142, 9, 252, 255, 164];
        float x = Math.Clamp(t, 0, 1) * 4;
        int i = Math.Min((int)x, 3);
        float f = x - i;
        var lo = stops.Slice(i * 3, 3);
        var hi = stops.Slice((i + 1) * 3, 3);
        return new SKColor(
            (byte)(lo[0] + ((hi[0] - lo[0]) * f)),
            (byte)(lo[1] + ((hi[1] - lo[1]) * f)),
            (byte)(lo[2] + ((hi[2] - lo[2]) * f)));
    }

    private static SKImage CreateImage(OverlayScene scene)
    {
        var info = new SKImageInfo(scene.Width, scene.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var pixels = bitmap.GetPixelSpan();
        for (int i = 0, j = 0; i < scene.Width * scene.Height; i++, j += 3)
        {
            pixels[i * 4] = scene.Rgb[j];
            pixels[(i * 4) + 1] = scene.Rgb[j + 1];
            pixels[(i * 4) + 2] = scene.Rgb[j + 2];
            pixels[(i * 4) + 3] = 255;
        }

        return SKImage.FromBitmap(bitmap);
    }

    private static SKImage CreateHeatmap(OverlayScene scene)
    {
        var info = new SKImageInfo(scene.Width, scene.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var pixels = bitmap.GetPixelSpan();
        float[] u = scene.Uncertainty!;
        for (int i = 0; i < u.Length; i++)
        {
            if (float.IsNaN(u[i]))
            {
                continue;
            }

            var c = HeatColor(u[i]);
            pixels[i * 4] = c.Red;
            pixels[(i * 4) + 1] = c.Green;
            pixels[(i * 4) + 2] = c.Blue;
            pixels[(i * 4) + 3] = 200;
        }

        return SKImage.FromBitmap(bitmap);
    }

    private static void DrawShapes(SKCanvas canvas, IReadOnlyList<OverlayShape> shapes, SKRect panel, float scale, bool fill, bool dashed)
    {
        canvas.Save();
        canvas.ClipRect(panel);
        using var dash = dashed ? SKPathEffect.CreateDash([6, 4], 0) : null;
        using var fillPaint = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var outline = new SKPaint
        {
            Color = SKColors.White,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = dashed ? 1.5f : 2f,
            IsAntialias = true,
            PathEffect = dash,
        };
        foreach (var shape in shapes)
        {
            using var path = new SKPath { FillType = SKPathFillType.EvenOdd };
            foreach (var ring in shape.Rings)
            {
                if (ring.Count < 3)
                {
                    continue;
                }

                path.MoveTo(panel.Left + ((float)ring[0].Column * scale), panel.Top + ((float)ring[0].Row * scale));
                for (int k = 1; k < ring.Count; k++)
                {
                    path.LineTo(panel.Left + ((float)ring[k].Column * scale), panel.Top + ((float)ring[k].Row * scale));
                }

                path.Close();
            }

            var color = Parse(shape.Color);
            if (fill)
            {
                fillPaint.Color = color.WithAlpha((byte)(255 * FillAlpha));
                canvas.DrawPath(path, fillPaint);
            }

            if (!dashed)
            {
                outline.Color = color;
            }

            canvas.DrawPath(path, outline);
        }

        canvas.Restore();
    }

    private static void DrawColorBar(SKCanvas canvas, SKRect bar, SKFont font, SKPaint ink)
    {
        // One paint recoloured per column: a new native SKPaint per column cost hundreds of allocations per overlay.
        using var p = new SKPaint();
        for (int x = 0; x < (int)bar.Width; x++)
        {
            p.Color = HeatColor(x / (bar.Width - 1));
            canvas.DrawRect(SKRect.Create(bar.Left + x, bar.Top, 1, bar.Height), p);
        }

        canvas.DrawText("certain", bar.Left, bar.Bottom + 18, SKTextAlign.Left, font, ink);
        canvas.DrawText("uncertain", bar.Right, bar.Bottom + 18, SKTextAlign.Right, font, ink);
    }

    private static SKColor Parse(string color) =>
        SKColor.TryParse(color, out var c) ? c : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Expected a colour #rrggbb, found \"{color}\"."));

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(OverlayRenderer).Assembly.GetManifestResourceStream("Scaneo.Cli.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The bundled legend font Scaneo.Cli.Fonts.DejaVuSans.ttf is missing from the scaneo assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The bundled legend font could not be loaded by SkiaSharp.");
    }
}
