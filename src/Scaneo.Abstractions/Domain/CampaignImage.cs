using System.Globalization;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo;

/// <summary>An image of a campaign: its path in the campaign folder and what the raster reader found in it.</summary>
public sealed class CampaignImage
{
    /// <summary>Initializes a new campaign image.</summary>
    /// <param name="path">Path relative to the campaign folder, with forward slashes; no rooted paths, no <c>..</c>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="bandCount">Number of bands.</param>
    /// <param name="dataType">Pixel type.</param>
    /// <param name="crs">CRS, if georeferenced.</param>
    /// <param name="geoTransform">Pixel → map transform, if georeferenced.</param>
    /// <param name="boundsWgs84">Extent in WGS 84 over the four corners, if the CRS can be transformed (minLon &gt; maxLon when it crosses the antimeridian).</param>
    /// <exception cref="ScaneoValidationException">A rule is broken; the message names the field.</exception>
    public CampaignImage(string path, int width, int height, int bandCount, RasterDataType dataType = RasterDataType.UInt8, CrsReference? crs = null, GeoTransform? geoTransform = null, GeoBounds? boundsWgs84 = null)
    {
        Path = NormalizePath(path);
        string field = $"CampaignImage({Path})";
        RequirePositive(field + ".Width", width);
        RequirePositive(field + ".Height", height);
        RequirePositive(field + ".BandCount", bandCount);
        if (geoTransform is GeoTransform gt && gt == default)
        {
            throw new ScaneoValidationException(field + ".GeoTransform", gt.ToString(), "must be an invertible transform.");
        }

        if (!Enum.IsDefined(dataType))
        {
            throw new ScaneoValidationException(field + ".DataType", dataType.ToString(), "must be a defined raster data type (uint8 … float64).");
        }

        if (boundsWgs84 is GeoBounds b)
        {
            ValidateBounds(field + ".BoundsWgs84", b);
        }

        Width = width;
        Height = height;
        BandCount = bandCount;
        DataType = dataType;
        Crs = crs;
        GeoTransform = geoTransform;
        BoundsWgs84 = boundsWgs84;
    }

    /// <summary>Gets the path relative to the campaign folder (forward slashes).</summary>
    public string Path { get; }

    /// <summary>Gets the base name without extension, used for per-image export files.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the number of bands.</summary>
    public int BandCount { get; }

    /// <summary>Gets the pixel type.</summary>
    public RasterDataType DataType { get; }

    /// <summary>Gets the CRS, if known.</summary>
    public CrsReference? Crs { get; }

    /// <summary>Gets the pixel → map transform, if known.</summary>
    public GeoTransform? GeoTransform { get; }

    /// <summary>Gets the WGS 84 extent, if known.</summary>
    public GeoBounds? BoundsWgs84 { get; }

    private static string NormalizePath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ScaneoValidationException("CampaignImage.Path", path, "must be a path relative to the campaign folder.");
        }

        string p = path.Replace('\\', '/');
        if (p.StartsWith('/') || System.IO.Path.IsPathRooted(p) || p.Split('/').Contains(".."))
        {
            throw new ScaneoValidationException("CampaignImage.Path", path, "must stay inside the campaign folder (no rooted path, no \"..\").");
        }

        return p;
    }

    private static void ValidateBounds(string field, GeoBounds b)
    {
        bool finite = double.IsFinite(b.MinLon) && double.IsFinite(b.MinLat) && double.IsFinite(b.MaxLon) && double.IsFinite(b.MaxLat);
        bool inRange = finite
            && Math.Abs(b.MinLon) <= 180 && Math.Abs(b.MaxLon) <= 180
            && Math.Abs(b.MinLat) <= 90 && Math.Abs(b.MaxLat) <= 90;

        // minLon > maxLon is legal: as in a GeoJSON bbox, it is an extent crossing the antimeridian.
        if (!inRange || b.MinLat > b.MaxLat)
        {
            throw new ScaneoValidationException(
                field,
                b.ToString(),
                "must be finite WGS 84 degrees [minLon, minLat, maxLon, maxLat] with lon in [-180, 180], lat in [-90, 90] and minLat ≤ maxLat.");
        }
    }

    private static void RequirePositive(string field, int value)
    {
        if (value <= 0)
        {
            throw new ScaneoValidationException(field, value.ToString(CultureInfo.InvariantCulture), "must be positive.");
        }
    }
}
