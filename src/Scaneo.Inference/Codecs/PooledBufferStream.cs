using System.Buffers;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// A write-only stream into an <see cref="ArrayPool{T}"/> buffer, so encoding a request image does not allocate a new
/// multi-megabyte array (a large-object-heap allocation) per request. <see cref="Detach"/> hands the buffer on.
/// </summary>
internal sealed class PooledBufferStream(int initialCapacity) : Stream
{
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => _buffer is not null;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Gives up the buffer: the caller now owns it and returns it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public (byte[] Buffer, int Length) Detach()
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferStream));
        _buffer = null;
        return (buffer, _length);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        byte[] target = _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferStream));
        if (buffer.Length > target.Length - _length)
        {
            long needed = (long)_length + buffer.Length;
            if (needed > Array.MaxLength)
            {
                throw new IOException($"The encoded image exceeds {Array.MaxLength} bytes.");
            }

            byte[] grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(needed, (long)target.Length * 2), Array.MaxLength));
            target.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(target);
            _buffer = target = grown;
        }

        buffer.CopyTo(target.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer is byte[] buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
