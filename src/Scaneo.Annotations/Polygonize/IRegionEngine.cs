namespace Scaneo.Annotations.Polygonize;

/// <summary>A polygonizer stepped row by row, handing out regions in the order of their first pixels.</summary>
internal interface IRegionEngine
{
    /// <summary>Gets a capacity worth reserving for the output (an upper bound when the engine knows one).</summary>
    int OutputCapacityHint { get; }

    /// <summary>Gets a value indicating whether every row has been processed and every region handed out.</summary>
    bool Done { get; }

    /// <summary>Processes the next row and appends the regions that are complete and next in order.</summary>
    void Step(List<PolygonizedRegion> output);

    /// <summary>Returns the engine's rented arrays; it cannot step afterwards. A second call does nothing.</summary>
    void Release();
}
