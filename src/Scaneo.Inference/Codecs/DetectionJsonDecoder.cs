using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Inference.Processing;
using Scaneo.Predictions;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Decodes detection replies of SCANEO-compatible and peer servers into pixel boxes of the sent image: Label Studio
/// (percent boxes), CVAT (string confidences, corner points), Roboflow (centre boxes), torchvision-style parallel
/// arrays, per-class score lists and GeoJSON (boxes in the raster's CRS or EPSG:4326, or <c>bbox_pixel</c>).
/// </summary>
internal static class DetectionJsonDecoder
{
    private const string Expected =
        "a detection reply: Label Studio {\"results\"}, CVAT [{\"points\", \"label\"}], Roboflow {\"predictions\": [{\"x\", \"y\", \"width\", \"height\"}]}, "
        + "torchvision {\"boxes\", \"labels\", \"scores\"}, [{\"bbox\", \"scores\"}] or GeoJSON";

    public static BoxesReply Decode(JsonElement root, DetectionDecodeContext context)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            string? type = JsonValues.Text(root, "type");
            if (type is "FeatureCollection" or "Feature" or "Polygon" or "MultiPolygon")
            {
                return FromGeoJson(root, context);
            }

            if (JsonValues.TryProperty(root, "results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                return FromLabelStudio(results, context);
            }

            if (JsonValues.TryProperty(root, "predictions", out var predictions) && predictions.ValueKind == JsonValueKind.Array)
            {
                return FromRoboflow(root, predictions, context);
            }

            if (JsonValues.TryProperty(root, "boxes", out var boxes))
            {
                return FromParallelArrays(root, boxes);
            }

            if (JsonValues.TryProperty(root, "detections", out var detections) && detections.ValueKind == JsonValueKind.Array)
            {
                return Decode(detections, context);
            }
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            if (root.GetArrayLength() == 0)
            {
                return new BoxesReply([]);
            }

            var first = root[0];
            if (JsonValues.TryProperty(first, "result", out _))
            {
                return FromLabelStudio(root, context);
            }

            if (JsonValues.TryProperty(first, "points", out _))
            {
                return FromCvat(root);
            }

            if (JsonValues.TryProperty(first, "bbox", out _) || JsonValues.TryProperty(first, "box", out _))
            {
                return FromBboxList(root);
            }

            if (JsonValues.TryProperty(first, "boxes", out var b) && root.GetArrayLength() == 1)
            {
                return FromParallelArrays(first, b);
            }
        }

        throw new ReplyFormatException(Expected, "the reply is " + JsonValues.Kind(root));
    }

    private static ReplyFormatException Bad(string found) => new(Expected, found);

    private static PixelBox Corners(JsonElement array, string where)
    {
        double[]? v = JsonValues.Numbers(array);
        if (v is not { Length: 4 })
        {
            throw Bad($"{where} is not 4 numbers [x1, y1, x2, y2]: {Clip(array)}");
        }

        return new PixelBox(Math.Min(v[0], v[2]), Math.Min(v[1], v[3]), Math.Max(v[0], v[2]), Math.Max(v[1], v[3]));
    }

    private static string Clip(JsonElement e)
    {
        string raw = e.GetRawText();
        return raw.Length <= 80 ? raw : raw[..80] + "…";
    }

    private static BoxesReply FromLabelStudio(JsonElement results, DetectionDecodeContext context)
    {
        var boxes = new List<DetectedBox>();
        foreach (var prediction in results.EnumerateArray())
        {
            double? predictionScore = JsonValues.Number(prediction, "score");
            if (!JsonValues.TryProperty(prediction, "result", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw Bad("a Label Studio prediction without a \"result\" list: " + JsonValues.Kind(prediction));
            }

            foreach (var item in items.EnumerateArray())
            {
                if (!JsonValues.TryProperty(item, "value", out var value))
                {
                    throw Bad("a Label Studio result without \"value\": " + JsonValues.Kind(item));
                }

                double? x = JsonValues.Number(value, "x");
                double? y = JsonValues.Number(value, "y");
                double? w = JsonValues.Number(value, "width");
                double? h = JsonValues.Number(value, "height");
                if (x is null || y is null || w is null || h is null)
                {
                    // Not a box (e.g. a choices or textarea result next to the boxes).
                    continue;
                }

                if (JsonValues.Number(value, "rotation") is double rotation && rotation != 0)
                {
                    throw Bad(string.Create(CultureInfo.InvariantCulture, $"a Label Studio box rotated by {rotation}°; rotated boxes are not supported"));
                }

                string? label = null;
                foreach (string key in new[] { "rectanglelabels", "labels" })
                {
                    if (JsonValues.TryProperty(value, key, out var labels) && labels.ValueKind == JsonValueKind.Array && labels.GetArrayLength() > 0)
                    {
                        label = labels[0].GetString();
                        break;
                    }
                }

                double score = JsonValues.Number(item, "score") ?? predictionScore ?? 1.0;
                var box = BoxConversions.FromPercent(x.Value, y.Value, w.Value, h.Value, context.Width, context.Height);
                boxes.Add(new DetectedBox(box, score, className: label ?? throw Bad("a Label Studio box without rectanglelabels")));
            }
        }

        return new BoxesReply(boxes);
    }

    private static BoxesReply FromCvat(JsonElement root)
    {
        var boxes = new List<DetectedBox>();
        foreach (var item in root.EnumerateArray())
        {
            double[]? points = JsonValues.TryProperty(item, "points", out var p) ? JsonValues.Numbers(p) : null;
            if (points is null)
            {
                throw Bad("a CVAT shape whose \"points\" are not numbers: " + JsonValues.Kind(item));
            }

            string type = JsonValues.Text(item, "type") ?? "rectangle";
            PixelBox box;
            switch (type)
            {
                case "rectangle" when points.Length == 4:
                    box = new PixelBox(Math.Min(points[0], points[2]), Math.Min(points[1], points[3]), Math.Max(points[0], points[2]), Math.Max(points[1], points[3]));
                    break;
                case "polygon" when points.Length >= 6 && points.Length % 2 == 0:
                    double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
                    for (int i = 0; i < points.Length; i += 2)
                    {
                        minX = Math.Min(minX, points[i]);
                        maxX = Math.Max(maxX, points[i]);
                        minY = Math.Min(minY, points[i + 1]);
                        maxY = Math.Max(maxY, points[i + 1]);
                    }

                    box = new PixelBox(minX, minY, maxX, maxY);
                    break;
                case "mask" when points.Length >= 4:
                    // CVAT masks: the crop bitmap flattened, then the box corners xtl, ytl, xbr, ybr.
                    int n = points.Length;
                    box = new PixelBox(points[n - 4], points[n - 3], points[n - 2], points[n - 1]);
                    break;
                default:
                    throw Bad(string.Create(CultureInfo.InvariantCulture, $"a CVAT shape of type \"{type}\" with {points.Length} point values"));
            }

            double score = JsonValues.Number(item, "confidence", "score") ?? 1.0;
            string? label = JsonValues.Text(item, "label");
            int? index = JsonValues.Index(item, "label_id", "class_id");
            if (label is null && index is null)
            {
                throw Bad("a CVAT shape without \"label\": " + JsonValues.Kind(item));
            }

            boxes.Add(new DetectedBox(box, score, index, label));
        }

        return new BoxesReply(boxes);
    }

    private static BoxesReply FromRoboflow(JsonElement root, JsonElement predictions, DetectionDecodeContext context)
    {
        // Roboflow reports the size it inferred on; scale its boxes to the image that was sent.
        double sx = 1, sy = 1;
        if (JsonValues.TryProperty(root, "image", out var image) && JsonValues.Number(image, "width") is double iw && JsonValues.Number(image, "height") is double ih && iw > 0 && ih > 0)
        {
            sx = context.Width / iw;
            sy = context.Height / ih;
        }

        var boxes = new List<DetectedBox>();
        foreach (var item in predictions.EnumerateArray())
        {
            double? x = JsonValues.Number(item, "x");
            double? y = JsonValues.Number(item, "y");
            double? w = JsonValues.Number(item, "width");
            double? h = JsonValues.Number(item, "height");
            if (x is null || y is null || w is null || h is null)
            {
                throw Bad("a Roboflow prediction without numeric x, y, width, height: " + JsonValues.Kind(item));
            }

            var box = BoxConversions.FromCentre(x.Value * sx, y.Value * sy, w.Value * sx, h.Value * sy);
            double score = JsonValues.Number(item, "confidence", "score") ?? throw Bad("a Roboflow prediction without \"confidence\"");
            string? name = JsonValues.Text(item, "class", "label");
            int? index = JsonValues.Index(item, "class_id");
            if (name is null && index is null)
            {
                throw Bad("a Roboflow prediction without \"class\" or \"class_id\"");
            }

            boxes.Add(new DetectedBox(box, score, index, name));
        }

        return new BoxesReply(boxes);
    }

    private static BoxesReply FromParallelArrays(JsonElement root, JsonElement boxesElement)
    {
        if (boxesElement.ValueKind != JsonValueKind.Array)
        {
            throw Bad("\"boxes\" is " + JsonValues.Kind(boxesElement));
        }

        int count = boxesElement.GetArrayLength();
        JsonElement labels = default, scores = default;
        bool hasLabels = JsonValues.TryProperty(root, "labels", out labels) || JsonValues.TryProperty(root, "classes", out labels) || JsonValues.TryProperty(root, "class_ids", out labels);
        bool hasScores = JsonValues.TryProperty(root, "scores", out scores) || JsonValues.TryProperty(root, "confidences", out scores);
        if (!hasLabels)
        {
            throw Bad("\"boxes\" without \"labels\"");
        }

        if (labels.ValueKind != JsonValueKind.Array || labels.GetArrayLength() != count || (hasScores && (scores.ValueKind != JsonValueKind.Array || scores.GetArrayLength() != count)))
        {
            throw Bad(string.Create(CultureInfo.InvariantCulture, $"parallel arrays of different lengths ({count} boxes, {(labels.ValueKind == JsonValueKind.Array ? labels.GetArrayLength() : -1)} labels, {(hasScores && scores.ValueKind == JsonValueKind.Array ? scores.GetArrayLength() : -1)} scores)"));
        }

        var boxes = new List<DetectedBox>(count);
        for (int i = 0; i < count; i++)
        {
            var box = Corners(boxesElement[i], string.Create(CultureInfo.InvariantCulture, $"boxes[{i}]"));
            var label = labels[i];
            int? index = null;
            string? name = null;
            if (label.ValueKind == JsonValueKind.String)
            {
                name = label.GetString();
            }
            else if (JsonValues.TryNumber(label, out double d) && d >= 0 && d == Math.Floor(d))
            {
                index = (int)d;
            }
            else
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"labels[{i}] = {Clip(label)}, not a class index or name"));
            }

            double score = 1.0;
            if (hasScores && !JsonValues.TryNumber(scores[i], out score))
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"scores[{i}] = {Clip(scores[i])}, not a number"));
            }

            boxes.Add(new DetectedBox(box, score, index, name));
        }

        return new BoxesReply(boxes);
    }

    private static BoxesReply FromBboxList(JsonElement root)
    {
        var boxes = new List<DetectedBox>();
        int i = 0;
        foreach (var item in root.EnumerateArray())
        {
            if (!JsonValues.TryProperty(item, "bbox", out var bbox) && !JsonValues.TryProperty(item, "box", out bbox))
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"item {i} without \"bbox\": {JsonValues.Kind(item)}"));
            }

            var box = Corners(bbox, string.Create(CultureInfo.InvariantCulture, $"item {i} \"bbox\""));
            double[]? classScores = JsonValues.TryProperty(item, "scores", out var s) ? JsonValues.Numbers(s) : null;
            if (JsonValues.TryProperty(item, "scores", out _) && classScores is not { Length: > 0 })
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"item {i} \"scores\" is not a non-empty list of numbers"));
            }

            int? index = JsonValues.Index(item, "label", "class_id", "class", "category_id");
            string? name = JsonValues.Text(item, "label", "class_name", "class");
            double? score = JsonValues.Number(item, "score", "confidence");
            if (classScores is not null)
            {
                int best = 0;
                for (int k = 1; k < classScores.Length; k++)
                {
                    if (classScores[k] > classScores[best])
                    {
                        best = k;
                    }
                }

                index ??= best;
                score ??= classScores[best];
            }

            if (index is null && name is null)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"item {i} without \"scores\", \"label\" or \"class_id\""));
            }

            boxes.Add(new DetectedBox(box, score ?? 1.0, index, name, classScores));
            i++;
        }

        return new BoxesReply(boxes);
    }

    private static BoxesReply FromGeoJson(JsonElement root, DetectionDecodeContext context)
    {
        var features = new List<JsonElement>();
        string type = JsonValues.Text(root, "type")!;
        if (type == "FeatureCollection")
        {
            if (!JsonValues.TryProperty(root, "features", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Bad("a FeatureCollection without a \"features\" list");
            }

            features.AddRange(list.EnumerateArray());
        }
        else
        {
            features.Add(root);
        }

        CrsReference? declared = DeclaredCrs(root);
        var boxes = new List<DetectedBox>(features.Count);
        foreach (var feature in features)
        {
            bool isFeature = JsonValues.Text(feature, "type") == "Feature";
            JsonElement properties = isFeature && JsonValues.TryProperty(feature, "properties", out var props) ? props : default;
            PixelBox box;
            if (properties.ValueKind == JsonValueKind.Object && JsonValues.TryProperty(properties, "bbox_pixel", out var pixel))
            {
                box = Corners(pixel, "\"bbox_pixel\"");
            }
            else
            {
                JsonElement geometryElement = feature;
                if (isFeature && !JsonValues.TryProperty(feature, "geometry", out geometryElement))
                {
                    throw Bad("a Feature without geometry");
                }

                Geometry geometry;
                try
                {
                    geometry = GeoJsonGeometry.Parse(geometryElement.GetRawText());
                }
                catch (JsonException ex)
                {
                    throw new ReplyFormatException(Expected, "a GeoJSON geometry that cannot be read: " + ex.Message, null, ex);
                }

                box = ToPixels(geometry, declared, context);
            }

            double score = properties.ValueKind == JsonValueKind.Object ? JsonValues.Number(properties, "score", "confidence", "probability") ?? 1.0 : 1.0;
            int? index = properties.ValueKind == JsonValueKind.Object ? JsonValues.Index(properties, "class_id", "value", "label_id") : null;
            string? name = properties.ValueKind == JsonValueKind.Object ? JsonValues.Text(properties, "class_name", "label", "class") : null;
            if (index is null && name is null)
            {
                throw Bad("a GeoJSON box without class_id, value, class_name or label properties");
            }

            boxes.Add(new DetectedBox(box, score, index, name));
        }

        return new BoxesReply(boxes);
    }

    private static CrsReference? DeclaredCrs(JsonElement root)
    {
        // Pre-RFC 7946 GeoJSON: {"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}}}.
        if (JsonValues.TryProperty(root, "crs", out var crs) && JsonValues.TryProperty(crs, "properties", out var p) && JsonValues.Text(p, "name") is string name)
        {
            if (name.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
            {
                return CrsReference.Wgs84;
            }

            int colon = name.LastIndexOf(':');
            if (int.TryParse(name.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code > 0)
            {
                return CrsReference.FromEpsg(code);
            }
        }

        return null;
    }

    private static PixelBox ToPixels(Geometry geometry, CrsReference? declared, DetectionDecodeContext context)
    {
        if (context.Transform is not GeoTransform gt)
        {
            throw Bad("GeoJSON boxes for an image without a geotransform (send a GeoTIFF, or have the server add \"bbox_pixel\")");
        }

        var coordinates = geometry.Coordinates;
        if (coordinates.Length == 0)
        {
            throw Bad("an empty GeoJSON geometry");
        }

        CrsReference source = declared ?? GuessCrs(geometry.EnvelopeInternal, gt, context);
        IMapTransform? toRaster = null;
        if (context.Crs is not null && !source.Equals(context.Crs))
        {
            toRaster = context.Transforms?.Create(source, context.Crs)
                ?? throw Bad($"GeoJSON boxes in {source} for an image in {context.Crs} and no IMapTransformProvider is registered to convert them");
        }

        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var c in coordinates)
        {
            var (x, y) = toRaster is null ? (c.X, c.Y) : toRaster.Transform(c.X, c.Y);
            var (col, row) = gt.MapToPixel(x, y);
            minX = Math.Min(minX, col);
            maxX = Math.Max(maxX, col);
            minY = Math.Min(minY, row);
            maxY = Math.Max(maxY, row);
        }

        return new PixelBox(minX, minY, maxX, maxY);
    }

    private static CrsReference GuessCrs(Envelope envelope, GeoTransform gt, DetectionDecodeContext context)
    {
        // No declared CRS: RFC 7946 says EPSG:4326, but servers such as Raster Vision answer in the raster's CRS.
        // Coordinates inside the image footprint are taken as the raster's CRS.
        if (context.Crs is null || context.Crs.Equals(CrsReference.Wgs84))
        {
            return context.Crs ?? CrsReference.Wgs84;
        }

        var (x0, y0) = gt.PixelToMap(0, 0);
        var (x1, y1) = gt.PixelToMap(context.Width, context.Height);
        var footprint = new Envelope(x0, x1, y0, y1);
        footprint.ExpandBy(Math.Max(footprint.Width, footprint.Height));
        if (footprint.Intersects(envelope))
        {
            return context.Crs;
        }

        return CrsReference.Wgs84;
    }
}
