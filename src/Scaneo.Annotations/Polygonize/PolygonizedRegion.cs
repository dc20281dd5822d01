using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>One connected region of equal class value, as a polygon in map coordinates.</summary>
/// <remarks>
/// A small immutable value: noisy masks yield hundreds of thousands of regions, and a struct spares the garbage
/// collector one object per region. Instances come from <see cref="MaskPolygonizer"/> or the validating
/// constructor; only <see langword="default"/> has no geometry.
/// </remarks>
public readonly struct PolygonizedRegion : IEquatable<PolygonizedRegion>
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="value">The class value of the region's pixels.</param>
    /// <param name="geometry">The region: a <see cref="Polygon"/>, or a <see cref="MultiPolygon"/> for an 8-connected region joined through corners.</param>
    /// <param name="pixelCount">The number of pixels of the region.</param>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    /// <exception cref="ScaneoValidationException">The geometry is not polygonal or the pixel count is not positive.</exception>
    public PolygonizedRegion(int value, Geometry geometry, long pixelCount)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw new ScaneoValidationException("PolygonizedRegion.Geometry", geometry.GeometryType, "must be a Polygon or a MultiPolygon.");
        }

        if (pixelCount <= 0)
        {
            throw new ScaneoValidationException("PolygonizedRegion.PixelCount", pixelCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be a positive number of pixels.");
        }

        Value = value;
        Geometry = geometry;
        PixelCount = pixelCount;
    }

    /// <summary>Gets the class value of the region's pixels.</summary>
    public int Value { get; }

    /// <summary>Gets the region: a <see cref="Polygon"/>, or a <see cref="MultiPolygon"/> when an 8-connected region touches itself only at corners (<see langword="null"/> only for <see langword="default"/>).</summary>
    public Geometry Geometry { get; }

    /// <summary>Gets the number of pixels of the region (holes filled by <see cref="PolygonizeOptions.FillHolesBelow"/> are not counted).</summary>
    public long PixelCount { get; }

    /// <summary>Compares two regions: same value, same pixel count and the same geometry instance.</summary>
    /// <param name="left">The first region.</param>
    /// <param name="right">The second region.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PolygonizedRegion left, PolygonizedRegion right) => left.Equals(right);

    /// <summary>Compares two regions: different value, pixel count or geometry instance.</summary>
    /// <param name="left">The first region.</param>
    /// <param name="right">The second region.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PolygonizedRegion left, PolygonizedRegion right) => !left.Equals(right);

    /// <summary>Whether <paramref name="other"/> has the same value, pixel count and geometry instance.</summary>
    /// <param name="other">The other region.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PolygonizedRegion other) =>
        Value == other.Value && PixelCount == other.PixelCount && ReferenceEquals(Geometry, other.Geometry);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PolygonizedRegion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Value, PixelCount, Geometry is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Geometry));
}
