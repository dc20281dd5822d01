using System.Globalization;

namespace Scaneo.Geo;

/// <summary>An axis-aligned extent in WGS 84 degrees, <c>[minLon, minLat, maxLon, maxLat]</c> as in GeoJSON bbox.</summary>
/// <param name="MinLon">Western longitude.</param>
/// <param name="MinLat">Southern latitude.</param>
/// <param name="MaxLon">Eastern longitude.</param>
/// <param name="MaxLat">Northern latitude.</param>
public readonly record struct GeoBounds(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>Returns the four numbers in GeoJSON bbox order.</summary>
    /// <returns>A new array.</returns>
    public double[] ToArray() => [MinLon, MinLat, MaxLon, MaxLat];

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{MinLon:R}, {MinLat:R}, {MaxLon:R}, {MaxLat:R}]");
}
