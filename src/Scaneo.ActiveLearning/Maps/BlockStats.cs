namespace Scaneo.ActiveLearning.Maps;

/// <summary>Count, sum and maximum of the valid pixels of one block of a map.</summary>
internal readonly record struct BlockStats(double Sum, long Count, float Max);
