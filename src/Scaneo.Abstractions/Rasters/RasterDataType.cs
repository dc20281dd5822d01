namespace Scaneo.Rasters;

/// <summary>The pixel types Scaneo reads and writes (GDAL's names in lower case are used on the wire and in JSON).</summary>
public enum RasterDataType
{
    /// <summary>Unsigned 8-bit integer (<see cref="byte"/>).</summary>
    UInt8,

    /// <summary>Signed 8-bit integer (<see cref="sbyte"/>).</summary>
    Int8,

    /// <summary>Unsigned 16-bit integer (<see cref="ushort"/>).</summary>
    UInt16,

    /// <summary>Signed 16-bit integer (<see cref="short"/>).</summary>
    Int16,

    /// <summary>Unsigned 32-bit integer (<see cref="uint"/>).</summary>
    UInt32,

    /// <summary>Signed 32-bit integer (<see cref="int"/>).</summary>
    Int32,

    /// <summary>32-bit IEEE float (<see cref="float"/>).</summary>
    Float32,

    /// <summary>64-bit IEEE float (<see cref="double"/>).</summary>
    Float64,
}
