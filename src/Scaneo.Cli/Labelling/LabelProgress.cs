namespace Scaneo.Cli.Labelling;

/// <summary>Progress of a label job: one report per image and model.</summary>
internal sealed record LabelProgress(int Completed, int Total, string Model, string Image, bool Succeeded);
