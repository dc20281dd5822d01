using System.Globalization;
using System.Text;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Manifest;

/// <summary>
/// Turns the wire shape into domain objects and back. Every domain rule is enforced by the domain constructors;
/// this class only knows where each value sits in the JSON so that a broken rule is reported at its JSON path.
/// </summary>
internal static class ManifestMapper
{
    private static readonly string[] GdalCoefficientNames = ["c", "a", "b", "f", "d", "e"];

    public static Campaign ToCampaign(CampaignManifestDto dto, string? source)
    {
        if (dto.SchemaVersion is not int version)
        {
            throw Fail(source, "$.schemaVersion", "is required (this version of Scaneo writes " + Num(CampaignManifest.SchemaVersion) + ").");
        }

        if (version < 1 || version > CampaignManifest.SchemaVersion)
        {
            throw Fail(source, "$.schemaVersion", $"{Num(version)} is not supported: this version of Scaneo reads schema versions 1 to {Num(CampaignManifest.SchemaVersion)}.");
        }

        string id = Required(source, "$.id", dto.Id);
        string name = Required(source, "$.name", dto.Name);
        var labels = new List<Label>();
        var labelList = dto.Labels ?? throw Fail(source, "$.labels", "is required (an array of {name, color}; it may be empty).");
        for (int i = 0; i < labelList.Count; i++)
        {
            string at = $"$.labels[{Num(i)}]";
            var l = labelList[i] ?? throw Fail(source, at, "must be an object {name, color}, found null.");
            string labelName = Required(source, at + ".name", l.Name);
            string color = Required(source, at + ".color", l.Color);
            labels.Add(Build(source, at, () => new Label(labelName, color)));
        }

        var images = new List<CampaignImage>();
        var imageList = dto.Images ?? [];
        for (int i = 0; i < imageList.Count; i++)
        {
            images.Add(ToImage(source, $"$.images[{Num(i)}]", imageList[i]));
        }

        var models = new List<CampaignModel>();
        var modelList = dto.Models ?? [];
        for (int i = 0; i < modelList.Count; i++)
        {
            models.Add(ToModel(source, $"$.models[{Num(i)}]", modelList[i]));
        }

        return Build(source, "$", () => new Campaign(id, name, labels, images, models, dto.Description));
    }

    public static CampaignManifestDto FromCampaign(Campaign campaign) => new()
    {
        SchemaVersion = CampaignManifest.SchemaVersion,
        Id = campaign.Id,
        Name = campaign.Name,
        Description = campaign.Description,
        Labels = [.. campaign.Labels.Select(l => new LabelDto { Name = l.Name, Color = l.Color })],
        Images = [.. campaign.Images.Select(FromImage)],
        Models = [.. campaign.Models.Select(FromModel)],
    };

    private static CampaignImage ToImage(string? source, string at, ImageDto? dto)
    {
        if (dto is null)
        {
            throw Fail(source, at, "must be an image object, found null.");
        }

        string path = Required(source, at + ".path", dto.Path);
        int width = dto.Width ?? throw Fail(source, at + ".width", "is required (pixels).");
        int height = dto.Height ?? throw Fail(source, at + ".height", "is required (pixels).");
        int bands = dto.Bands ?? throw Fail(source, at + ".bands", "is required (band count).");
        var dataType = RasterDataType.UInt8;
        if (dto.DataType is not null && !TryParseDataType(dto.DataType, out dataType))
        {
            throw Fail(source, at + ".dataType", $"\"{dto.DataType}\" is not a pixel type; expected uint8, int8, uint16, int16, uint32, int32, float32 or float64.");
        }

        CrsReference? crs = null;
        if (dto.Crs is CrsDto c)
        {
            crs = c.Wkt is not null
                ? Build(source, at + ".crs", () => CrsReference.FromWkt(c.Wkt, c.Epsg))
                : c.Epsg is int code
                    ? Build(source, at + ".crs", () => CrsReference.FromEpsg(code))
                    : throw Fail(source, at + ".crs", "must give an epsg code, a wkt definition or both.");
        }

        GeoTransform? geoTransform = null;
        if (dto.GeoTransform is double[] gt)
        {
            if (gt.Length != 6)
            {
                throw Fail(source, at + ".geoTransform", $"has {Num(gt.Length)} numbers; expected exactly 6 in GDAL order [c, a, b, f, d, e].");
            }

            geoTransform = Build(source, at + ".geoTransform", () => GeoTransform.FromGdal(gt));
        }

        GeoBounds? bounds = null;
        if (dto.BoundsWgs84 is double[] b)
        {
            if (b.Length != 4)
            {
                throw Fail(source, at + ".boundsWgs84", $"has {Num(b.Length)} numbers; expected exactly 4: [minLon, minLat, maxLon, maxLat].");
            }

            bounds = new GeoBounds(b[0], b[1], b[2], b[3]);
        }

        return Build(source, at, () => new CampaignImage(path, width, height, bands, dataType, crs, geoTransform, bounds));
    }

    private static ImageDto FromImage(CampaignImage image) => new()
    {
        Path = image.Path,
        Width = image.Width,
        Height = image.Height,
        Bands = image.BandCount,
        DataType = image.DataType.ToName(),
        Crs = image.Crs is { } crs ? new CrsDto { Epsg = crs.Epsg, Wkt = crs.Wkt } : null,
        GeoTransform = image.GeoTransform?.ToGdal(),
        BoundsWgs84 = image.BoundsWgs84?.ToArray(),
    };

    private static CampaignModel ToModel(string? source, string at, ModelDto? dto)
    {
        if (dto is null)
        {
            throw Fail(source, at, "must be a model object, found null.");
        }

        string name = Required(source, at + ".name", dto.Name);
        string endpointText = Required(source, at + ".endpoint", dto.Endpoint);
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out Uri? endpoint))
        {
            throw Fail(source, at + ".endpoint", $"\"{endpointText}\" is not an absolute http:// or https:// URL.");
        }

        string taskText = Required(source, at + ".task", dto.Task);
        var task = Build(source, at + ".task", () => new ModelTask(taskText));
        var inputFormat = ImageFormat.GeoTiff;
        if (dto.InputFormat is not null && !TryParseImageFormat(dto.InputFormat, out inputFormat))
        {
            throw Fail(source, at + ".inputFormat", $"\"{dto.InputFormat}\" is not an input format; expected geotiff, png or jpeg.");
        }

        var definition = Build(
            source,
            at,
            () => new ModelDefinition(name, endpoint, task, dto.Description, dto.Version, inputFormat, dto.Preprocessing!, dto.Postprocessing!, dto.OutputCount, dto.OutputNames!));
        var entries = (dto.LabelMapping ?? []).Select(kv => new KeyValuePair<string, IReadOnlyList<int>>(kv.Key, kv.Value?.Values ?? []));
        var mapping = Build(source, at, () => new LabelMapping(entries));
        return new CampaignModel(definition, mapping);
    }

    private static ModelDto FromModel(CampaignModel attached)
    {
        var m = attached.Model;
        var mapping = new Dictionary<string, OutputIndexes>(StringComparer.Ordinal);
        foreach (string label in attached.Mapping.Labels)
        {
            mapping[label] = new OutputIndexes([.. attached.Mapping.GetOutputs(label)]);
        }

        return new ModelDto
        {
            Name = m.Name,
            Description = m.Description,
            Version = m.Version,
            Endpoint = m.Endpoint.OriginalString,
            Task = m.Task.Value,
            InputFormat = FormatName(m.InputFormat),
            Preprocessing = [.. m.Preprocessing],
            Postprocessing = [.. m.Postprocessing],
            OutputCount = m.OutputCount,
            OutputNames = m.OutputNames is null ? null : [.. m.OutputNames],
            LabelMapping = mapping,
        };
    }

    private static string FormatName(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpeg",
        _ => "geotiff",
    };

    private static bool TryParseImageFormat(string text, out ImageFormat format)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "geotiff":
                format = ImageFormat.GeoTiff;
                return true;
            case "png":
                format = ImageFormat.Png;
                return true;
            case "jpeg" or "jpg":
                format = ImageFormat.Jpeg;
                return true;
            default:
                format = default;
                return false;
        }
    }

    private static bool TryParseDataType(string text, out RasterDataType type)
    {
        foreach (var candidate in Enum.GetValues<RasterDataType>())
        {
            if (string.Equals(candidate.ToName(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    private static string Required(string? source, string at, string? value) =>
        value ?? throw Fail(source, at, "is required.");

    private static T Build<T>(string? source, string at, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ScaneoValidationException ex)
        {
            string detail = ex.Message.StartsWith(ex.Field + ": ", StringComparison.Ordinal) ? ex.Message[(ex.Field.Length + 2)..] : ex.Message;
            throw new CampaignManifestException(source, at + RelativePath(ex), detail, ex);
        }
    }

    /// <summary>
    /// Maps the field a domain type names (<c>Label(water).Color</c>, <c>Campaign.Labels[2].Name</c>,
    /// <c>LabelMapping[crops]</c>, <c>GeoTransform.a</c>) to the JSON path below the object that was being built.
    /// </summary>
    internal static string RelativePath(ScaneoValidationException ex)
    {
        string field = ex.Field;
        int paren = field.IndexOf('(', StringComparison.Ordinal);
        int dot = field.IndexOf('.', StringComparison.Ordinal);
        int bracket = field.IndexOf('[', StringComparison.Ordinal);
        string type;
        string rest;
        if (paren >= 0 && (dot < 0 || paren < dot) && (bracket < 0 || paren < bracket))
        {
            // "Type(name).Member": the name may itself contain dots (file names), so skip to the closing parenthesis.
            int close = field.IndexOf(").", paren, StringComparison.Ordinal);
            type = field[..paren];
            rest = close < 0 ? string.Empty : field[(close + 2)..];
        }
        else
        {
            int end = new[] { dot, bracket }.Where(i => i >= 0).DefaultIfEmpty(field.Length).Min();
            type = field[..end];
            rest = end < field.Length && field[end] == '.' ? field[(end + 1)..] : field[end..];
        }

        switch (type)
        {
            case "GeoTransform":
                int index = Array.IndexOf(GdalCoefficientNames, rest);
                return index >= 0 ? $"[{Num(index)}]" : string.Empty;
            case "CrsReference":
                return rest.Length == 0 ? string.Empty : "." + rest.ToLowerInvariant();
            case "LabelMapping":
                // "LabelMapping[name]" names the entry; "LabelMapping.Label" names the label in the value.
                string key = rest.StartsWith('[') ? rest[1..^1] : ex.Value ?? string.Empty;
                return ".labelMapping" + Key(key);
            case "Campaign" when rest.EndsWith(".Mapping", StringComparison.Ordinal):
                return "." + CamelCase(rest[..^".Mapping".Length]) + ".labelMapping" + Key(ex.Value ?? string.Empty);
            default:
                return rest.Length == 0 ? string.Empty : "." + CamelCase(rest);
        }
    }

    private static string CamelCase(string dotted)
    {
        var sb = new StringBuilder(dotted.Length);
        bool start = true;
        foreach (char ch in dotted)
        {
            sb.Append(start ? char.ToLowerInvariant(ch) : ch);
            start = ch == '.';
        }

        // Domain member names that differ from the manifest's property names.
        return sb.ToString().Replace("bandCount", "bands", StringComparison.Ordinal);
    }

    private static string Key(string key) =>
        key.Length > 0 && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') && !char.IsAsciiDigit(key[0])
            ? "." + key
            : "['" + key.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static CampaignManifestException Fail(string? source, string at, string detail) => new(source, at, detail);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
