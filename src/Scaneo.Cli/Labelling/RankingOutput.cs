using System.Globalization;
using System.Text.Json;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.Cli.Hosting;
using Spectre.Console;

namespace Scaneo.Cli.Labelling;

/// <summary>Writes a campaign ranking as JSON (<c>ranking.json</c>, <c>scaneo rank --json</c>) or as a table.</summary>
internal static class RankingOutput
{
    /// <summary>Writes the ranking object: strategy, measure, the batch in pick order, every image with its reasons.</summary>
    public static void Write(Utf8JsonWriter json, CampaignRanking ranking, string strategy, IReadOnlyList<string> batch, IReadOnlyList<string> failures, string? campaignId = null)
    {
        json.WriteStartObject();
        if (campaignId is not null)
        {
            json.WriteString("campaign", campaignId);
        }

        json.WriteString("order", "most uncertain first: label these images next");
        json.WriteString("strategy", strategy);
        json.WriteString("measure", ranking.Measure);
        json.WriteNumber("seed", ranking.Seed);
        json.WriteStartArray("batch");
        foreach (string image in batch)
        {
            json.WriteStringValue(image);
        }

        json.WriteEndArray();
        json.WriteStartArray("images");
        foreach (var r in ranking.Images)
        {
            json.WriteStartObject();
            json.WriteNumber("rank", r.Rank);
            json.WriteString("image", r.ImagePath);
            json.WriteString("task", r.Task);
            json.WriteNumber("score", Math.Round(r.Score, 6));
            json.WriteString("measure", r.Measure);
            json.WriteString("aggregate", r.Aggregate);
            if (r.UncertainAreaFraction is double fraction)
            {
                json.WriteNumber("uncertainAreaFraction", Math.Round(fraction, 6));
            }
            else
            {
                json.WriteNull("uncertainAreaFraction");
            }

            json.WriteBoolean("selected", batch.Contains(r.ImagePath));
            json.WriteStartArray("flags");
            foreach (string flag in r.Flags)
            {
                json.WriteStringValue(flag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("failures");
        foreach (string failure in failures)
        {
            json.WriteStringValue(failure);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Returns the ranking as indented UTF-8 JSON.</summary>
    public static byte[] ToJson(CampaignRanking ranking, string campaignId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, ranking, ranking.Strategy, [.. ranking.Batch.Select(r => r.ImagePath)], [], campaignId);
        }

        return buffer.ToArray();
    }

    public static void WriteTable(CliContext context, CampaignRanking ranking, IReadOnlyList<string> batch, IReadOnlyList<string> failures)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out), Ansi = AnsiSupport.No });
        var table = new Table()
            .AddColumn(new TableColumn("rank").RightAligned()).AddColumn("image").AddColumn(new TableColumn("score").RightAligned())
            .AddColumn("measure").AddColumn(new TableColumn("uncertain area").RightAligned()).AddColumn("next");
        foreach (var r in ranking.Images)
        {
            table.AddRow(
                r.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(r.ImagePath),
                r.Score.ToString("0.0000", CultureInfo.InvariantCulture),
                Markup.Escape($"{r.Measure} ({r.Aggregate})"),
                r.UncertainAreaFraction is double f ? f.ToString("P1", CultureInfo.InvariantCulture) : "—",
                batch.Contains(r.ImagePath) ? "yes" : string.Empty);
        }

        console.Write(table);
        foreach (string failure in failures)
        {
            context.Error.WriteLine("failed: " + failure);
        }
    }
}
