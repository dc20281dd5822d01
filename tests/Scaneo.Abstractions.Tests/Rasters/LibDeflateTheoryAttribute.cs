namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>A theory that runs only where the native libdeflate can be loaded (it is optional; CI machines may lack it).</summary>
public sealed class LibDeflateTheoryAttribute : TheoryAttribute
{
    public LibDeflateTheoryAttribute() => Skip = LibDeflateFactAttribute.SkipReason;
}
