namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// A connected patch of one class: its box in pixel corners (<c>X2</c>/<c>Y2</c> are the right/bottom edges, i.e.
/// last column/row + 1), its size and the mean class probabilities over its pixels.
/// </summary>
internal sealed record Patch(int ClassIndex, int X1, int Y1, int X2, int Y2, int PixelCount, double[] MeanScores);
