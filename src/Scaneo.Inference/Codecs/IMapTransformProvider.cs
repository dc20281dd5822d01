using Scaneo.Geo;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Creates coordinate transforms between CRSs. Needed only when a detection reply gives boxes in EPSG:4326 for an
/// image in another CRS; register one in DI (e.g. backed by ProjNET) to accept such replies.
/// </summary>
public interface IMapTransformProvider
{
    /// <summary>Creates a transform.</summary>
    /// <param name="source">The CRS of the input coordinates.</param>
    /// <param name="target">The CRS of the output coordinates.</param>
    /// <returns>The transform, or <see langword="null"/> when the pair is not supported.</returns>
    IMapTransform? Create(CrsReference source, CrsReference target);
}
