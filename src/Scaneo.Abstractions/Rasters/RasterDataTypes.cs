namespace Scaneo.Rasters;

/// <summary>Facts about <see cref="RasterDataType"/> values: sizes, names and the CLR type of each.</summary>
public static class RasterDataTypes
{
    /// <summary>Returns the size of one sample in bytes.</summary>
    /// <param name="type">The pixel type.</param>
    /// <returns>1, 2, 4 or 8.</returns>
    public static int SizeInBytes(this RasterDataType type) => type switch
    {
        RasterDataType.UInt8 or RasterDataType.Int8 => 1,
        RasterDataType.UInt16 or RasterDataType.Int16 => 2,
        RasterDataType.UInt32 or RasterDataType.Int32 or RasterDataType.Float32 => 4,
        RasterDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown raster data type."),
    };

    /// <summary>Returns whether the type is a floating-point type.</summary>
    /// <param name="type">The pixel type.</param>
    /// <returns><see langword="true"/> for float32 and float64.</returns>
    public static bool IsFloatingPoint(this RasterDataType type) => type is RasterDataType.Float32 or RasterDataType.Float64;

    /// <summary>Returns the lower-case name used in JSON and by GDAL users: <c>uint8</c> … <c>float64</c>.</summary>
    /// <param name="type">The pixel type.</param>
    /// <returns>The name.</returns>
    public static string ToName(this RasterDataType type) => type switch
    {
        RasterDataType.UInt8 => "uint8",
        RasterDataType.Int8 => "int8",
        RasterDataType.UInt16 => "uint16",
        RasterDataType.Int16 => "int16",
        RasterDataType.UInt32 => "uint32",
        RasterDataType.Int32 => "int32",
        RasterDataType.Float32 => "float32",
        RasterDataType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown raster data type."),
    };

    /// <summary>Returns the pixel type whose CLR sample type is <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">byte, sbyte, ushort, short, uint, int, float or double.</typeparam>
    /// <returns>The pixel type.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a raster sample type.</exception>
    public static RasterDataType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte)) return RasterDataType.UInt8;
        if (typeof(T) == typeof(sbyte)) return RasterDataType.Int8;
        if (typeof(T) == typeof(ushort)) return RasterDataType.UInt16;
        if (typeof(T) == typeof(short)) return RasterDataType.Int16;
        if (typeof(T) == typeof(uint)) return RasterDataType.UInt32;
        if (typeof(T) == typeof(int)) return RasterDataType.Int32;
        if (typeof(T) == typeof(float)) return RasterDataType.Float32;
        if (typeof(T) == typeof(double)) return RasterDataType.Float64;
        throw new NotSupportedException($"{typeof(T).Name} is not a raster sample type; expected byte, sbyte, ushort, short, uint, int, float or double.");
    }
}
