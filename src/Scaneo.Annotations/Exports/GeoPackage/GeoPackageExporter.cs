using Scaneo.IO;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Scaneo.Annotations.Internal;

namespace Scaneo.Annotations.Exports;

/// <summary>
/// Writes the annotations as an OGC GeoPackage (<see cref="FileName"/> in the output folder) that GDAL and QGIS
/// read: one feature table <c>annotations</c> in EPSG:4326 with fields <c>annotation_id</c>, <c>label</c>,
/// <c>task</c>, <c>score</c>, <c>model</c>, <c>image</c>, <c>created_at</c>; classification rows have a NULL
/// geometry. The database is built in a temporary file and renamed into place.
/// </summary>
public sealed class GeoPackageExporter : IAnnotationExporter
{
    /// <summary>The name of the file written in the output folder.</summary>
    public const string FileName = "annotations.gpkg";

    /// <summary>The name of the feature table.</summary>
    public const string TableName = "annotations";

    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    private readonly TimeProvider _time;

    /// <summary>Initializes an exporter.</summary>
    /// <param name="timeProvider">Clock for <c>gpkg_contents.last_change</c> (default <see cref="TimeProvider.System"/>).</param>
    public GeoPackageExporter(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Format => "geopackage";

    /// <inheritdoc />
    public Task ExportAsync(Campaign campaign, IEnumerable<Annotation> annotations, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var groups = ExportInput.Group(campaign, annotations);
        return ExportFolder.WriteAsync(
            outputPath,
            (stage, ct) => WriteDatabaseAsync(Path.Combine(stage, FileName), groups, ct),
            cancellationToken);
    }

    /// <summary>Writes the GeoPackage to a file (replaced atomically).</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="annotations">The annotations.</param>
    /// <param name="file">The <c>.gpkg</c> file.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public Task WriteFileAsync(Campaign campaign, IEnumerable<Annotation> annotations, string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var groups = ExportInput.Group(campaign, annotations);
        return AtomicFile.ReplaceWithAsync(file, (temp, ct) => WriteDatabaseAsync(temp, groups, ct), cancellationToken);
    }

    private async Task WriteDatabaseAsync(string file, List<(CampaignImage Image, List<Annotation> Annotations)> groups, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(connection, null, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;", ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ExecAsync(connection, tx, Schema, ct).ConfigureAwait(false);
        await using (var srs = connection.CreateCommand())
        {
            srs.Transaction = tx;
            srs.CommandText = """
                INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES
                ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
                ('WGS 84 geodetic', 4326, 'EPSG', 4326, $wkt, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
                """;
            srs.Parameters.AddWithValue("$wkt", Wgs84Wkt);
            await srs.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var extent = new Envelope();
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO \"{TableName}\" (geom, annotation_id, label, task, score, model, image, created_at) VALUES ($geom, $id, $label, $task, $score, $model, $image, $created)";
            var pGeom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var pId = insert.Parameters.Add("$id", SqliteType.Text);
            var pLabel = insert.Parameters.Add("$label", SqliteType.Text);
            var pTask = insert.Parameters.Add("$task", SqliteType.Text);
            var pScore = insert.Parameters.Add("$score", SqliteType.Real);
            var pModel = insert.Parameters.Add("$model", SqliteType.Text);
            var pImage = insert.Parameters.Add("$image", SqliteType.Text);
            var pCreated = insert.Parameters.Add("$created", SqliteType.Text);
            foreach (var (image, list) in groups)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var a in list)
                {
                    if (a.Geometry is Geometry g)
                    {
                        var copy = GeoShapes.OrientForGeoJson(g).Copy();
                        copy.SRID = 4326;
                        pGeom.Value = writer.Write(copy);
                        extent.ExpandToInclude(g.EnvelopeInternal);
                    }
                    else
                    {
                        pGeom.Value = DBNull.Value;
                    }

                    pId.Value = a.Id;
                    pLabel.Value = a.Label;
                    pTask.Value = ScaneoGeoJson.TaskName(a.Kind);
                    pScore.Value = a.Score is double s ? s : DBNull.Value;
                    pModel.Value = (object?)a.Provenance.ModelName ?? DBNull.Value;
                    pImage.Value = image.Path;
                    pCreated.Value = IsoTime.UtcMillis(a.CreatedAt);
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }
        }

        await using (var contents = connection.CreateCommand())
        {
            contents.Transaction = tx;
            contents.CommandText = """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
                VALUES ($t, 'features', $t, 'Scaneo annotations', $now, $minx, $miny, $maxx, $maxy, 4326);
                INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES ($t, 'geom', 'GEOMETRY', 4326, 0, 0);
                """;
            contents.Parameters.AddWithValue("$t", TableName);
            contents.Parameters.AddWithValue("$now", IsoTime.UtcMillis(_time.GetUtcNow()));
            contents.Parameters.AddWithValue("$minx", extent.IsNull ? DBNull.Value : extent.MinX);
            contents.Parameters.AddWithValue("$miny", extent.IsNull ? DBNull.Value : extent.MinY);
            contents.Parameters.AddWithValue("$maxx", extent.IsNull ? DBNull.Value : extent.MaxX);
            contents.Parameters.AddWithValue("$maxy", extent.IsNull ? DBNull.Value : extent.MaxY);
            await contents.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private const string Schema = $"""
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE "{TableName}" (
          fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY, annotation_id TEXT NOT NULL UNIQUE,
          label TEXT NOT NULL, task TEXT NOT NULL, score REAL, model TEXT, image TEXT NOT NULL, created_at DATETIME NOT NULL);
        """;
}
