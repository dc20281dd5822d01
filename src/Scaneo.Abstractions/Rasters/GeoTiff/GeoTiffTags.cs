using BitMiracle.LibTiff.Classic;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// The GeoTIFF and GDAL tags, registered with LibTiff.NET through a tag extender so they can be written (and are
/// read without "unknown field" warnings). Definitions follow libgeotiff's xtiff.c.
/// </summary>
internal static class GeoTiffTags
{
    public const TiffTag ModelPixelScale = (TiffTag)33550;
    public const TiffTag ModelTiepoint = (TiffTag)33922;
    public const TiffTag ModelTransformation = (TiffTag)34264;
    public const TiffTag GeoKeyDirectory = (TiffTag)34735;
    public const TiffTag GeoDoubleParams = (TiffTag)34736;
    public const TiffTag GeoAsciiParams = (TiffTag)34737;
    public const TiffTag GdalMetadata = (TiffTag)42112;
    public const TiffTag GdalNoData = (TiffTag)42113;

    private const short Variable = -1;

    private static readonly TiffFieldInfo[] Fields =
    [
        new(ModelPixelScale, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScale"),
        new(ModelTiepoint, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepoint"),
        new(ModelTransformation, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformation"),
        new(GeoKeyDirectory, Variable, Variable, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectory"),
        new(GeoDoubleParams, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "GeoDoubleParams"),
        new(GeoAsciiParams, Variable, Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GeoAsciiParams"),
        new(GdalMetadata, Variable, Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDALMetadata"),
        new(GdalNoData, Variable, Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoDataValue"),
    ];

    private static readonly Tiff.TiffExtendProc Extender = Extend;
    private static readonly object Gate = new();
    private static Tiff.TiffExtendProc? s_parent;

    [ThreadStatic]
    private static bool t_registered;

    /// <summary>Makes sure the extender runs for every Tiff opened on this thread.</summary>
    public static void EnsureRegistered()
    {
        if (t_registered)
        {
            return;
        }

        lock (Gate)
        {
            var previous = Tiff.SetTagExtender(Extender);

            // Chain to an extender someone else installed, but never to ourselves (that would recurse forever).
            if (previous is not null && previous != Extender && s_parent is null)
            {
                s_parent = previous;
            }
        }

        t_registered = true;
    }

    private static void Extend(Tiff tif)
    {
        tif.MergeFieldInfo(Fields, Fields.Length);
        s_parent?.Invoke(tif);
    }
}
