using FsCheck;
using FsCheck.Fluent;
using Scaneo.Abstractions.Tests.Geo;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Manifest;

/// <summary>Generators of VALID campaigns: every value obeys the domain rules, so construction never throws.</summary>
internal static class CampaignGenerators
{
    // Strings, not chars, so that characters outside the BMP (🌊) stay whole surrogate pairs: a lone surrogate is
    // not Unicode text and no JSON writer can keep it.
    private static readonly string[] NameChars = [.. "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./'\"\\çãéñßøΩ水田".Select(c => c.ToString()), "🌊", "\t"];
    private static readonly char[] PathChars = "abcdefghijklmnopqrstuvwxyz0123456789_- çé".ToCharArray();
    private static readonly string[] Tasks = ["classification", "detection", "segmentation", "sam", "change-detection", "super_resolution"];
    private static readonly string[] Steps = ["S2RGB", "Normalize(mean=0.5, std=0.25)", "Sigmoid(threshold=0.5)", "Argmax", "Softmax", "Resize(512)"];
    private static readonly string[] Wkts =
    [
        "PROJCS[\"SIRGAS 2000 / UTM zone 25S\",GEOGCS[\"SIRGAS 2000\",DATUM[\"Sistema_de_Referencia_Geocentrico_para_las_AmericaS_2000\",SPHEROID[\"GRS 1980\",6378137,298.257222101]]]]",
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]",
    ];

    /// <summary>A non-empty text without surrounding white space (domain types trim names).</summary>
    public static Gen<string> Name { get; } =
        from chars in Gen.NonEmptyListOf(Gen.Elements(NameChars))
        let s = string.Concat(chars).Trim()
        where s.Length > 0
        select s;

    public static Gen<string> Color { get; } =
        from rgb in Gen.Choose(0, 0xFFFFFF)
        from upper in Gen.Elements(false, true)
        let hex = "#" + rgb.ToString(upper ? "X6" : "x6", System.Globalization.CultureInfo.InvariantCulture)
        select hex;

    /// <summary>Labels whose names are unique case-insensitively (the campaign rule).</summary>
    public static Gen<Label[]> Labels { get; } =
        from names in Gen.ListOf(Name)
        let unique = names.Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToArray()
        from colors in Gen.ArrayOf(Color, unique.Length)
        select unique.Select((n, i) => new Label(n, colors[i])).ToArray();

    public static Gen<string> ImagePath { get; } =
        from folders in Gen.ListOf(Segment).Select(l => l.Take(3).ToArray())
        from file in Segment
        from ext in Gen.Elements(".tif", ".tiff", ".png", ".jpg", string.Empty)
        select string.Join('/', [.. folders, file + ext]);

    public static Gen<CrsReference?> Crs { get; } = Gen.OneOf(
        Gen.Constant<CrsReference?>(null),
        Gen.Choose(1, 999_999).Select(code => (CrsReference?)CrsReference.FromEpsg(code)),
        from wkt in Gen.Elements(Wkts)
        from code in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 99_999).Select(c => (int?)c))
        select (CrsReference?)CrsReference.FromWkt(wkt, code));

    public static Gen<GeoBounds?> Bounds { get; } = Gen.OneOf(
        Gen.Constant<GeoBounds?>(null),
        from lon1 in Degrees(180)
        from lon2 in Degrees(180)
        from lat1 in Degrees(90)
        from lat2 in Degrees(90)
        select (GeoBounds?)new GeoBounds(lon1, Math.Min(lat1, lat2), lon2, Math.Max(lat1, lat2)));

    public static Gen<CampaignImage> Image { get; } =
        from path in ImagePath
        from width in Gen.Choose(1, 100_000)
        from height in Gen.Choose(1, 100_000)
        from bands in Gen.Choose(1, 300)
        from dataType in Gen.Elements(Enum.GetValues<RasterDataType>())
        from crs in Crs
        from gt in Gen.OneOf(Gen.Constant<GeoTransform?>(null), GeoTransformGenerators.Invertible.Select(g => (GeoTransform?)g))
        from bounds in Bounds
        select new CampaignImage(path, width, height, bands, dataType, crs, gt, bounds);

    public static Gen<CampaignImage[]> Images { get; } =
        Gen.ListOf(Image).Select(list => list.DistinctBy(i => i.Path, StringComparer.Ordinal).Take(6).ToArray());

    public static Gen<Uri> Endpoint { get; } =
        from scheme in Gen.Elements("http", "https")
        from host in Gen.Elements("localhost", "127.0.0.1", "models.example.org", "[::1]", CampaignManifestHost)
        from port in Gen.OneOf(Gen.Constant(string.Empty), Gen.Choose(1, 65535).Select(p => ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        from path in Gen.Elements("/", "/predict", "/segmentation/scores", "/v1/models/x:predict", "/a%20b")
        from query in Gen.Elements(string.Empty, "?key=abc", "?a=1&b=2")
        select new Uri($"{scheme}://{host}{port}{path}{query}");

    /// <summary>A model plus a mapping over some of the given labels, each output index used at most once.</summary>
    public static Gen<CampaignModel> Model(string name, IReadOnlyList<Label> labels) =>
        from endpoint in Endpoint
        from task in Gen.Elements(Tasks)
        from description in Gen.OneOf(Gen.Constant<string?>(null), Name.Select(s => (string?)s))
        from version in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("1", "2.0.1", "2026-01-01"))
        from format in Gen.Elements(Enum.GetValues<ImageFormat>())
        from pre in Gen.ListOf(Gen.Elements(Steps))
        from post in Gen.ListOf(Gen.Elements(Steps))
        from outputs in Gen.Choose(0, 12)
        from declare in Gen.Choose(0, 2)
        from mapped in Gen.SubListOf<Label>(labels)
        from pool in Gen.Shuffle(Enumerable.Range(0, 40))
        from counts in Gen.ArrayOf(Gen.Choose(0, 3), mapped.Count)
        select new CampaignModel(
            new ModelDefinition(
                name,
                endpoint,
                new ModelTask(task),
                description,
                version,
                format,
                pre,
                post,
                declare == 0 || outputs == 0 ? null : outputs,
                declare == 2 && outputs > 0 ? Enumerable.Range(0, outputs).Select(i => "class " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null),
            new LabelMapping(Partition(mapped, counts, pool)));

    public static Gen<Campaign> Campaign { get; } =
        from id in Name
        from name in Name
        from description in Gen.OneOf(Gen.Constant<string?>(null), Name.Select(s => (string?)s))
        from labels in Labels
        from images in Images
        from modelNames in Gen.ListOf(Name).Select(l => l.Distinct(StringComparer.OrdinalIgnoreCase).Take(4).ToArray())
        from models in Gen.CollectToArray(modelNames, n => Model(n, labels))
        select new Campaign(id, name, labels, images, models, description);

    public static Arbitrary<Campaign> CampaignArb => Arb.From(Campaign);

    private static string CampaignManifestHost => Scaneo.Manifest.CampaignManifest.ReferenceModelHost;

    // Expression-bodied: static initializers run in declaration order and ImagePath above needs it.
    private static Gen<string> Segment =>
        from chars in Gen.NonEmptyListOf(Gen.Elements(PathChars))
        let s = new string([.. chars]).Trim()
        where s.Length > 0 && s != "." && s != ".."
        select s;

    private static Gen<double> Degrees(double limit) =>
        Gen.Choose(-1_000_000_000, 1_000_000_000).Select(m => m / 1e9 * limit);

    private static IEnumerable<KeyValuePair<string, IReadOnlyList<int>>> Partition(IList<Label> labels, int[] counts, IEnumerable<int> pool)
    {
        int[] indexes = [.. pool];
        int next = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            int[] outputs = indexes[next..(next + counts[i])];
            next += counts[i];
            yield return new(labels[i].Name, outputs);
        }
    }
}
