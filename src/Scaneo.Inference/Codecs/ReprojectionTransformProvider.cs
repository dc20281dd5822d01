using Scaneo.Geo;

namespace Scaneo.Inference.Codecs;

/// <summary>The default <see cref="IMapTransformProvider"/>: Scaneo.Geo's <see cref="Reprojection"/> (ProjNET).</summary>
internal sealed class ReprojectionTransformProvider : IMapTransformProvider
{
    public IMapTransform? Create(CrsReference source, CrsReference target)
    {
        try
        {
            return Reprojection.Create(source, target);
        }
        catch (CrsNotSupportedException)
        {
            return null;
        }
    }
}
