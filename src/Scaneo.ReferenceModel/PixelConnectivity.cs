namespace Scaneo.ReferenceModel;

/// <summary>Which neighbours make two pixels part of the same patch.</summary>
public enum PixelConnectivity
{
    /// <summary>Edge neighbours only (left, right, up, down), as GDAL polygonize's default.</summary>
    Four = 4,

    /// <summary>Edge and corner neighbours: diagonal chains of pixels form one patch.</summary>
    Eight = 8,
}
