using System.Runtime.InteropServices;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// The optional native libdeflate (the Deflate decoder GDAL uses), loaded at run time when the machine has it:
/// it inflates TIFF blocks about twice as fast as the zlib behind System.IO.Compression. Nothing is bundled; when
/// the library is absent, or the <see cref="DisableSwitch"/> AppContext switch is set, readers use
/// System.IO.Compression. Calls go through function pointers resolved with <see cref="NativeLibrary"/>, which
/// keeps the assembly trimmable and AOT-compatible (no DllImport resolver, no reflection).
/// </summary>
internal static unsafe class LibDeflate
{
    /// <summary>The AppContext switch that turns libdeflate off (readers then use System.IO.Compression).</summary>
    public const string DisableSwitch = "Scaneo.Rasters.DisableLibDeflate";

    /// <summary>libdeflate_result: the data inflated and fit.</summary>
    public const int Success = 0;

    /// <summary>
    /// Gets a value indicating whether readers should decode Deflate blocks with libdeflate: the library loaded and
    /// the <see cref="DisableSwitch"/> switch is not set. Checked per read, so the switch can be flipped at any time.
    /// </summary>
    public static bool IsEnabled => !(AppContext.TryGetSwitch(DisableSwitch, out bool disabled) && disabled) && IsAvailable;

    /// <summary>Gets a value indicating whether the native library could be loaded (loads it on first use).</summary>
    public static bool IsAvailable => Native.Loaded;

    /// <summary>Allocates a decompressor, or returns <see langword="null"/> when the library is absent or out of memory.</summary>
    /// <returns>The decompressor; use it on one thread at a time (libdeflate decompressors are not thread-safe).</returns>
    public static LibDeflateDecompressor? TryCreateDecompressor()
    {
        if (!Native.Loaded)
        {
            return null;
        }

        var handle = new LibDeflateDecompressor(Native.Alloc());
        if (handle.IsInvalid)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    /// <summary>Inflates one zlib stream (RFC 1950: header, Deflate data, Adler-32) with libdeflate_zlib_decompress.</summary>
    /// <param name="decompressor">A decompressor owned by the calling thread.</param>
    /// <param name="source">The zlib stream.</param>
    /// <param name="destination">Where the inflated bytes go; libdeflate refuses streams that inflate to more.</param>
    /// <param name="produced">The bytes written.</param>
    /// <returns>The libdeflate_result: 0 success, 1 bad data, 2 short output, 3 insufficient space.</returns>
    public static int ZlibDecompress(LibDeflateDecompressor decompressor, ReadOnlySpan<byte> source, Span<byte> destination, out int produced)
    {
        bool added = false;
        try
        {
            decompressor.DangerousAddRef(ref added);
            nuint actual = 0;
            int result;
            fixed (byte* input = source)
            fixed (byte* output = destination)
            {
                result = Native.ZlibDecompress(decompressor.DangerousGetHandle(), input, (nuint)source.Length, output, (nuint)destination.Length, &actual);
            }

            produced = (int)Math.Min(actual, (nuint)destination.Length);
            return result;
        }
        finally
        {
            if (added)
            {
                decompressor.DangerousRelease();
            }
        }
    }

    internal static void Free(nint handle) => Native.Free(handle);

    /// <summary>The loaded entry points; its static constructor runs on first use only, so a disabled reader never loads the library.</summary>
    private static class Native
    {
#pragma warning disable SA1401, IDE1006 // Function-pointer fields: resolved once below, read on every call.
        public static readonly bool Loaded;
        public static readonly delegate* unmanaged[Cdecl]<nint> Alloc;
        public static readonly delegate* unmanaged[Cdecl]<nint, void> Free;
        public static readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, byte*, nuint, nuint*, int> ZlibDecompress;
#pragma warning restore SA1401, IDE1006

        // The soname Debian/Ubuntu/Fedora ship, the development symlink, Homebrew and Windows builds.
        private static readonly string[] Names = ["libdeflate.so.0", "libdeflate.so", "libdeflate.0.dylib", "libdeflate.dylib", "libdeflate.dll", "deflate.dll"];

        static Native()
        {
            // Current libdeflate releases export cdecl functions; older Windows DLLs were stdcall, which differs
            // only on 32-bit x86 (64-bit targets have one calling convention).
            foreach (string name in Names)
            {
                if (!NativeLibrary.TryLoad(name, typeof(LibDeflate).Assembly, null, out nint library))
                {
                    continue;
                }

                if (NativeLibrary.TryGetExport(library, "libdeflate_alloc_decompressor", out nint alloc) &&
                    NativeLibrary.TryGetExport(library, "libdeflate_free_decompressor", out nint free) &&
                    NativeLibrary.TryGetExport(library, "libdeflate_zlib_decompress", out nint zlib))
                {
                    Alloc = (delegate* unmanaged[Cdecl]<nint>)alloc;
                    Free = (delegate* unmanaged[Cdecl]<nint, void>)free;
                    ZlibDecompress = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, byte*, nuint, nuint*, int>)zlib;
                    Loaded = true;
                    return;
                }

                // Some other library under that name: leave it loaded (unloading what we did not use gains nothing).
            }
        }
    }
}
