using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Inference.Processing;

namespace Scaneo.Inference.Codecs;

/// <summary>Decodes SAM replies: a GeoJSON Feature, FeatureCollection or bare geometry in EPSG:4326.</summary>
internal static class GeometryJsonDecoder
{
    private const string Expected = "a SAM reply: a GeoJSON Feature, FeatureCollection or Polygon/MultiPolygon geometry in EPSG:4326";

    public static GeometryReply Decode(JsonElement root)
    {
        string? type = root.ValueKind == JsonValueKind.Object ? JsonValues.Text(root, "type") : null;
        var polygons = new List<Polygon>();
        switch (type)
        {
            case "FeatureCollection":
                if (!JsonValues.TryProperty(root, "features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    throw new ReplyFormatException(Expected, "a FeatureCollection without a \"features\" list");
                }

                foreach (var feature in features.EnumerateArray())
                {
                    AddFeature(feature, polygons);
                }

                break;
            case "Feature":
                AddFeature(root, polygons);
                break;
            case "Polygon" or "MultiPolygon" or "GeometryCollection":
                Add(Read(root), polygons);
                break;
            default:
                throw new ReplyFormatException(Expected, "the reply is " + JsonValues.Kind(root) + (type is null ? string.Empty : $" of type \"{type}\""));
        }

        if (polygons.Count == 0)
        {
            throw new ReplyFormatException(Expected, "GeoJSON without any polygon");
        }

        Geometry geometry = polygons.Count == 1 ? polygons[0] : GeoJsonGeometry.Factory.CreateMultiPolygon([.. polygons]);
        return new GeometryReply(geometry);
    }

    private static void AddFeature(JsonElement feature, List<Polygon> polygons)
    {
        if (!JsonValues.TryProperty(feature, "geometry", out var geometry))
        {
            throw new ReplyFormatException(Expected, "a Feature without geometry");
        }

        Add(Read(geometry), polygons);
    }

    private static void Add(Geometry geometry, List<Polygon> polygons)
    {
        switch (geometry)
        {
            case Polygon p when !p.IsEmpty:
                polygons.Add(p);
                break;
            case Polygon:
                break;
            case GeometryCollection collection:
                foreach (var part in collection.Geometries)
                {
                    Add(part, polygons);
                }

                break;
            default:
                throw new ReplyFormatException(Expected, "a GeoJSON " + geometry.GeometryType);
        }
    }

    private static Geometry Read(JsonElement element)
    {
        try
        {
            return GeoJsonGeometry.Parse(element.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new ReplyFormatException(Expected, "a GeoJSON geometry that cannot be read: " + ex.Message, null, ex);
        }
    }
}
