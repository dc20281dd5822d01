using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Annotations.Polygonize;

namespace Scaneo.Benchmarks.Polygonize;

/// <summary>
/// The floor under <see cref="PolygonizeBenchmarks"/>: only building the output a polygonization hands back (per
/// region a Polygon, its LinearRings and their integer-corner coordinate sequences, in a presized list), from
/// rings traced beforehand. No labelling or tracing: what is left is NetTopologySuite's object model and the
/// garbage collector. <see cref="PlainObjectsOnly"/> goes one step further down: plain objects of the same sizes and
/// links, with no NetTopologySuite code at all, which is the cost of keeping that many objects on this runtime. Run: <c>dotnet run -c Release --project benchmarks/Scaneo.Benchmarks -- --filter '*PolygonizeOutputFloor*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class PolygonizeOutputFloorBenchmarks
{
    private static readonly LinearRing[] NoHoles = [];

    private GeometryFactory _factory = null!;
    private PixelCornerSequence.Chunk _chunk = null!;

    // Per region: value, pixel count, ring count; per ring: corner offset and corner count.
    private int[] _values = [];
    private long[] _pixels = [];
    private int[] _ringCounts = [];
    private int[] _ringOffsets = [];
    private int[] _ringCorners = [];

    [Params("noise_1024")]
    public string Mask { get; set; } = "noise_1024";

    [GlobalSetup]
    public void Setup()
    {
        var mask = PolygonizeMasks.Create(Mask);
        var gt = mask.GeoTransform!.Value;
        IReadOnlyList<PolygonizedRegion> regions = MaskPolygonizer.Polygonize(mask);
        _factory = new GeometryFactory(new PrecisionModel(), 32631, PackedCoordinateSequenceFactory.DoubleFactory);
        var rings = regions.SelectMany(r => Rings((Polygon)r.Geometry)).ToList();
        _chunk = new PixelCornerSequence.Chunk(rings.Sum(r => PixelCornerSequence.Chunk.Length(r.NumPoints - 1)), gt);
        _values = regions.Select(r => r.Value).ToArray();
        _pixels = regions.Select(r => r.PixelCount).ToArray();
        _ringCounts = regions.Select(r => 1 + ((Polygon)r.Geometry).NumInteriorRings).ToArray();
        _ringOffsets = new int[rings.Count];
        _ringCorners = new int[rings.Count];
        for (int i = 0; i < rings.Count; i++)
        {
            // The benchmark masks have no rotation: corners are (X − C) / A and (Y − F) / E.
            CoordinateSequence s = rings[i].CoordinateSequence;
            var corners = new int[2 * (s.Count - 1)];
            for (int k = 0; k < s.Count - 1; k++)
            {
                corners[2 * k] = (int)Math.Round((s.GetX(k) - gt.C) / gt.A);
                corners[(2 * k) + 1] = (int)Math.Round((s.GetY(k) - gt.F) / gt.E);
            }

            _ringCorners[i] = s.Count - 1;
            _ringOffsets[i] = _chunk.Append(corners, s.Count - 1, backwards: false);
        }
    }

    /// <summary>The same objects as the polygonizer's output for the mask, built from stored corners.</summary>
    [Benchmark]
    public int OutputObjectsOnly()
    {
        var output = new List<PolygonizedRegion>(_values.Length);
        int ring = 0;
        for (int r = 0; r < _values.Length; r++)
        {
            LinearRing shell = Ring(ring++);
            LinearRing[] holes = NoHoles;
            if (_ringCounts[r] > 1)
            {
                holes = new LinearRing[_ringCounts[r] - 1];
                for (int h = 0; h < holes.Length; h++)
                {
                    holes[h] = Ring(ring++);
                }
            }

            output.Add(new PolygonizedRegion(_values[r], _factory.CreatePolygon(shell, holes), _pixels[r]));
        }

        return output.Count;
    }

    /// <summary>
    /// Per region and ring the same number of objects, of the same sizes and linked the same way, as
    /// <see cref="OutputObjectsOnly"/> (a 56-byte polygon, 48-byte rings and 64-byte coordinate sequences, as
    /// NetTopologySuite 2.6 and <see cref="PixelCornerSequence"/> lay them out on x64), but with no constructor
    /// logic: what is left is the garbage collector promoting the objects a caller keeps.
    /// </summary>
    [Benchmark]
    public int PlainObjectsOnly()
    {
        var output = new List<PlainRegion>(_values.Length);
        int ring = 0;
        for (int r = 0; r < _values.Length; r++)
        {
            PlainRing shell = PlainRingAt(ring++);
            PlainRing[] holes = NoPlainHoles;
            if (_ringCounts[r] > 1)
            {
                holes = new PlainRing[_ringCounts[r] - 1];
                for (int h = 0; h < holes.Length; h++)
                {
                    holes[h] = PlainRingAt(ring++);
                }
            }

            output.Add(new PlainRegion(_values[r], new PlainPolygon(shell, holes, _factory), _pixels[r]));
        }

        return output.Count;
    }

    private PlainRing PlainRingAt(int i) => new(new PlainSequence(_chunk, _ringOffsets[i], _ringCorners[i]), _factory);

    private static IEnumerable<LineString> Rings(Polygon p) => new[] { p.ExteriorRing }.Concat(p.InteriorRings);

    private LinearRing Ring(int i) => _factory.CreateLinearRing(new PixelCornerSequence(_chunk, _ringOffsets[i], _ringCorners[i]));

    private static readonly PlainRing[] NoPlainHoles = [];

    // The mirrors' unset fields are there for their size only, as the mirrored objects' unset fields are.
#pragma warning disable CS0649

    /// <summary>Mirrors <see cref="PolygonizedRegion"/>: value, geometry, pixel count.</summary>
    private readonly record struct PlainRegion(int Value, PlainPolygon Geometry, long PixelCount);

    /// <summary>Mirrors a Polygon's five reference fields.</summary>
    private sealed class PlainPolygon(PlainRing shell, PlainRing[] holes, object factory)
    {
        public PlainRing Shell = shell;
        public PlainRing[] Holes = holes;
        public object Factory = factory;
        public object? UserData;
        public object? Envelope;
    }

    /// <summary>Mirrors a LinearRing's four reference fields.</summary>
    private sealed class PlainRing(PlainSequence points, object factory)
    {
        public PlainSequence Points = points;
        public object Factory = factory;
        public object? UserData;
        public object? Envelope;
    }

    /// <summary>Mirrors a <see cref="PixelCornerSequence"/>: two references and eight integers.</summary>
    private sealed class PlainSequence(object chunk, int offset, int corners)
    {
        public object Chunk = chunk;
        public double[]? Edited;
        public int Offset = offset;
        public int Count = corners + 1;
        public int Dimension = 2;
        public int Measures;
        public int Spatial = 2;
        public int Ordinates = 3;
        public int ZIndex = -1;
        public int MIndex = -1;
    }
#pragma warning restore CS0649
}
