namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>
/// Tests that flip the process-wide <c>Scaneo.Rasters.DisableLibDeflate</c> AppContext switch run alone, so that no
/// other test reads a raster while the switch is set.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibDeflateSwitchCollection
{
    public const string Name = "libdeflate switch";
}
