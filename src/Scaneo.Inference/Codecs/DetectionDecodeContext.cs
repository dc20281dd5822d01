using Scaneo.Geo;

namespace Scaneo.Inference.Codecs;

/// <summary>What decoding a detection reply needs to know about the sent image.</summary>
internal sealed record DetectionDecodeContext(int Width, int Height, GeoTransform? Transform, CrsReference? Crs, IMapTransformProvider? Transforms);
