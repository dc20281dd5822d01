using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Scaneo.Annotations.Exports;

namespace Scaneo.Annotations.Tests.Exports;

public class GeoPackageExporterTests
{
    private static readonly Annotation[] Annotations =
    [
        TestData.Predicted("d", "urban", AnnotationKind.Detection, TestData.Box(10.01, 49.96, 10.03, 49.98), score: 0.8),
        TestData.Human("c", "water", AnnotationKind.Classification, null),
        TestData.Human("s", "forest", AnnotationKind.Segmentation, GeoJsonGeometryFactory.MultiPolygon()),
    ];

    private static async Task<string> ExportAsync()
    {
        string output = Path.Combine(TestData.TempDir(), "gpkg");
        await new GeoPackageExporter(new FakeTimeProvider(TestData.Now)).ExportAsync(TestData.Campaign(), Annotations, output);
        return Path.Combine(output, GeoPackageExporter.FileName);
    }

    [Fact]
    public async Task ExportAsync_WritesGeoPackageTablesRowsAndNullClassificationGeometry()
    {
        string file = await ExportAsync();

        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(1196444487L, await ScalarAsync(connection, "PRAGMA application_id"));
        Assert.Equal("features|4326", await ScalarAsync(connection, "SELECT data_type || '|' || srs_id FROM gpkg_contents WHERE table_name = 'annotations'"));
        Assert.Equal("geom|GEOMETRY|4326", await ScalarAsync(connection, "SELECT column_name || '|' || geometry_type_name || '|' || srs_id FROM gpkg_geometry_columns"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 4326 AND organization = 'EPSG'"));

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT annotation_id, label, task, score, model, image, geom FROM annotations ORDER BY fid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string Id, string Label, string Task, double? Score, string? Model, string Image, Geometry? Geom)>();
        while (await reader.ReadAsync())
        {
            object? V(int i) => reader.GetValue(i) is DBNull ? null : reader.GetValue(i);
            rows.Add(((string)V(0)!, (string)V(1)!, (string)V(2)!, (double?)V(3), (string?)V(4), (string)V(5)!, V(6) is byte[] blob ? new GeoPackageGeoReader { HandleSRID = true }.Read(blob) : null));
        }

        Assert.Equal(["d", "c", "s"], rows.Select(r => r.Id));
        Assert.Equal(("urban", "detection", 0.8, "unet", "scene.tif"), (rows[0].Label, rows[0].Task, rows[0].Score, rows[0].Model, rows[0].Image));
        Assert.True(rows[0].Geom!.EqualsTopologically(Annotations[0].Geometry!));
        Assert.Equal(4326, rows[0].Geom!.SRID);
        Assert.Equal(("water", "classification", (Geometry?)null, (string?)null), (rows[1].Label, rows[1].Task, rows[1].Geom, rows[1].Model));
        Assert.IsType<MultiPolygon>(rows[2].Geom);
    }

    [GdalFact]
    public async Task ExportAsync_GdalReadsTheGeoPackage()
    {
        string file = await ExportAsync();
        var psi = new ProcessStartInfo(GdalFactAttribute.OgrInfo!, ["-ro", "-al", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        string stdout = await process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.DoesNotContain("ERROR", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Feature Count: 3", stdout, StringComparison.Ordinal);
        Assert.Contains("EPSG\",4326", stdout.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("label (String) = urban", stdout, StringComparison.Ordinal);
        Assert.Contains("score (Real) = 0.8", stdout, StringComparison.Ordinal);
        Assert.Contains("POLYGON ((10.01 49.96,", stdout, StringComparison.Ordinal);
        Assert.Contains("MULTIPOLYGON (((", stdout, StringComparison.Ordinal);
        Assert.Contains("task (String) = classification", stdout, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

internal static class GeoJsonGeometryFactory
{
    public static MultiPolygon MultiPolygon() =>
        Scaneo.Geo.GeoJsonGeometry.Factory.CreateMultiPolygon([TestData.Box(10, 49.9, 10.01, 49.91), TestData.Box(10.02, 49.9, 10.03, 49.91)]);
}
