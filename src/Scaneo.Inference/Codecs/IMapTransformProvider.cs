using Scaneo.Geo;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Creates coordinate transforms between CRSs, used when a detection reply gives boxes in EPSG:4326 for an image in
/// another CRS. <c>AddScaneoInference</c> registers one over Scaneo.Geo's <c>Reprojection</c> (ProjNET); register your
/// own first to support more CRSs.
/// </summary>
public interface IMapTransformProvider
{
    /// <summary>Creates a transform.</summary>
    /// <param name="source">The CRS of the input coordinates.</param>
    /// <param name="target">The CRS of the output coordinates.</param>
    /// <returns>The transform, or <see langword="null"/> when the pair is not supported.</returns>
    IMapTransform? Create(CrsReference source, CrsReference target);
}
