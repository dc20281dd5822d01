using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scaneo.Geo;

namespace Scaneo.ReferenceModel.Hosting;

/// <summary>Parses SCANEO's SAM form fields: <c>points</c> (JSON <c>[[col,row],…]</c>) and <c>transform</c> (JSON GDAL geotransform).</summary>
internal static class SamFields
{
    /// <summary>The most points one prompt may hold; a click-based UI sends a handful.</summary>
    public const int MaxPoints = 1000;

    public static IReadOnlyList<(double Column, double Row)> ParsePoints(string? json)
    {
        if (json is null)
        {
            throw BadField("points", "Expected a form field 'points' holding a JSON list of [col, row] pixel positions; found none.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                throw BadField("points", $"Expected a non-empty JSON list of [col, row] pairs; found {Excerpt(json)}.");
            }

            if (root.GetArrayLength() > MaxPoints)
            {
                throw BadField("points", $"Expected at most {MaxPoints} points; found {root.GetArrayLength()}.");
            }

            var points = new List<(double, double)>(root.GetArrayLength());
            foreach (JsonElement point in root.EnumerateArray())
            {
                if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() != 2
                    || point[0].ValueKind != JsonValueKind.Number || point[1].ValueKind != JsonValueKind.Number)
                {
                    throw BadField("points", $"Expected each point to be [col, row] with two numbers; found {Excerpt(point.GetRawText())}.");
                }

                points.Add((point[0].GetDouble(), point[1].GetDouble()));
            }

            return points;
        }
        catch (JsonException ex)
        {
            throw BadField("points", $"Expected JSON; found {Excerpt(json)} ({ex.Message}).");
        }
    }

    public static GeoTransform ParseTransform(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 6 || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number))
            {
                throw BadField("transform", $"Expected a JSON list of 6 numbers in GDAL order [c, a, b, f, d, e]; found {Excerpt(json)}.");
            }

            Span<double> gt = stackalloc double[6];
            for (int i = 0; i < 6; i++)
            {
                gt[i] = root[i].GetDouble();
            }

            return GeoTransform.FromGdal(gt);
        }
        catch (JsonException ex)
        {
            throw BadField("transform", $"Expected JSON; found {Excerpt(json)} ({ex.Message}).");
        }
        catch (ScaneoValidationException ex)
        {
            throw BadField("transform", ex.Message);
        }
    }

    public static CrsReference ParseCrs(string text)
    {
        try
        {
            return CrsReference.Parse(text);
        }
        catch (ScaneoValidationException ex)
        {
            throw BadField("crs", ex.Message);
        }
    }

    private static ModelRequestException BadField(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, $"Bad '{field}' field", detail);

    private static string Excerpt(string text) => "'" + (text.Length <= 80 ? text : text[..80] + "…") + "'";
}
