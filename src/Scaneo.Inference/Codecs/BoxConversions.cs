using Scaneo.Predictions;

namespace Scaneo.Inference.Codecs;

/// <summary>Conversions between the box conventions of peer model servers and Scaneo's pixel corner boxes.</summary>
public static class BoxConversions
{
    /// <summary>Converts a centre box (Roboflow: x, y = centre) to corners.</summary>
    /// <param name="centreX">Centre column.</param>
    /// <param name="centreY">Centre row.</param>
    /// <param name="width">Width (≥ 0).</param>
    /// <param name="height">Height (≥ 0).</param>
    /// <returns>The corner box.</returns>
    public static PixelBox FromCentre(double centreX, double centreY, double width, double height) =>
        new(centreX - (width / 2), centreY - (height / 2), centreX + (width / 2), centreY + (height / 2));

    /// <summary>Converts a corner box to centre form.</summary>
    /// <param name="box">The box.</param>
    /// <returns>Centre and size.</returns>
    public static (double CentreX, double CentreY, double Width, double Height) ToCentre(PixelBox box) =>
        ((box.MinX + box.MaxX) / 2, (box.MinY + box.MaxY) / 2, box.Width, box.Height);

    /// <summary>Converts a Label Studio box (top-left corner and size, all in percent of the image) to pixels.</summary>
    /// <param name="x">Left edge, percent of the width.</param>
    /// <param name="y">Top edge, percent of the height.</param>
    /// <param name="width">Width, percent of the image width.</param>
    /// <param name="height">Height, percent of the image height.</param>
    /// <param name="imageWidth">Image width in pixels.</param>
    /// <param name="imageHeight">Image height in pixels.</param>
    /// <returns>The pixel box.</returns>
    public static PixelBox FromPercent(double x, double y, double width, double height, int imageWidth, int imageHeight)
    {
        double left = x * imageWidth / 100;
        double top = y * imageHeight / 100;
        return new PixelBox(left, top, left + (width * imageWidth / 100), top + (height * imageHeight / 100));
    }

    /// <summary>Converts a pixel box to Label Studio's percent form.</summary>
    /// <param name="box">The box.</param>
    /// <param name="imageWidth">Image width in pixels.</param>
    /// <param name="imageHeight">Image height in pixels.</param>
    /// <returns>Top-left corner and size in percent.</returns>
    public static (double X, double Y, double Width, double Height) ToPercent(PixelBox box, int imageWidth, int imageHeight) =>
        (box.MinX * 100 / imageWidth, box.MinY * 100 / imageHeight, box.Width * 100 / imageWidth, box.Height * 100 / imageHeight);
}
