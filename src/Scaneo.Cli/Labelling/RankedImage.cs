namespace Scaneo.Cli.Labelling;

/// <summary>One entry of <c>ranking.json</c>: an image and why it should be labelled next.</summary>
internal sealed record RankedImage(int Rank, string Image, double Score, string Measure, double UncertainAreaFraction, int UncertainAreas, string Reason);
