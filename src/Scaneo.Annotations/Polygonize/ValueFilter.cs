namespace Scaneo.Annotations.Polygonize;

/// <summary>Decides which class values are polygonized: not nodata, not excluded. Called once per run, not per pixel.</summary>
internal sealed class ValueFilter
{
    private readonly double? _noData;
    private readonly HashSet<int>? _excluded;
    private int _lastValue;
    private bool _lastResult;
    private bool _hasLast;

    public ValueFilter(double? noData, IReadOnlyCollection<int>? excluded)
    {
        _noData = noData is double nd && !double.IsNaN(nd) ? nd : null;
        _excluded = excluded is { Count: > 0 } ? new HashSet<int>(excluded) : null;
    }

    public bool AcceptsAll => _noData is null && _excluded is null;

    public bool IsValid(int value)
    {
        if (_hasLast && value == _lastValue)
        {
            return _lastResult;
        }

        bool result = !(_noData is double nd && value == nd) && !(_excluded?.Contains(value) ?? false);
        _lastValue = value;
        _lastResult = result;
        _hasLast = true;
        return result;
    }
}
