using System.Globalization;
using System.Text.Json;

namespace Scaneo.Inference.Codecs;

/// <summary>Lenient readers for JSON values as peers write them (CVAT sends numbers as strings).</summary>
internal static class JsonValues
{
    public static bool TryNumber(JsonElement e, out double value)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        if (e.ValueKind == JsonValueKind.String
            && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    public static bool TryProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static double? Number(JsonElement obj, params string[] names)
    {
        foreach (string name in names)
        {
            if (TryProperty(obj, name, out var v) && TryNumber(v, out double d))
            {
                return d;
            }
        }

        return null;
    }

    public static int? Index(JsonElement obj, params string[] names)
    {
        foreach (string name in names)
        {
            if (TryProperty(obj, name, out var v) && TryNumber(v, out double d) && d >= 0 && d == Math.Floor(d) && d <= int.MaxValue)
            {
                return (int)d;
            }
        }

        return null;
    }

    public static string? Text(JsonElement obj, params string[] names)
    {
        foreach (string name in names)
        {
            if (TryProperty(obj, name, out var v) && v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }
        }

        return null;
    }

    public static double[]? Numbers(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new double[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (!TryNumber(item, out result[i++]))
            {
                return null;
            }
        }

        return result;
    }

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object with keys [" + string.Join(", ", e.EnumerateObject().Take(8).Select(p => p.Name)) + "]",
        JsonValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"a list of {e.GetArrayLength()} items") + (e.GetArrayLength() > 0 ? " (first: " + Short(e[0]) + ")" : string.Empty),
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Short(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object with keys [" + string.Join(", ", e.EnumerateObject().Take(8).Select(p => p.Name)) + "]",
        JsonValueKind.Array => "a list",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}
