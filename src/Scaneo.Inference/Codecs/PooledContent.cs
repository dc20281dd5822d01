using System.Buffers;
using System.Net;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Request content over a pooled buffer (from <see cref="PooledBufferStream"/>). It can be sent any number of times —
/// the resilience handler re-sends the same content on retry — and returns the buffer to the pool when disposed, or,
/// if a send is still reading it then (a server may answer before the body is fully sent), when that send ends: the
/// buffer is never handed to another request while this one still writes it.
/// </summary>
internal sealed class PooledContent : HttpContent
{
    private readonly int _length;
    private byte[]? _buffer;
    private int _readers;
    private bool _disposed;

    public PooledContent(PooledBufferStream source)
    {
        (_buffer, _length) = source.Detach();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[] buffer = Acquire();
        try
        {
            await stream.WriteAsync(buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[] buffer = Acquire();
        try
        {
            stream.Write(buffer, 0, _length);
        }
        finally
        {
            Release();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (this)
            {
                _disposed = true;
                ReturnIfIdle();
            }
        }

        base.Dispose(disposing);
    }

    private byte[] Acquire()
    {
        lock (this)
        {
            ObjectDisposedException.ThrowIf(_disposed || _buffer is null, this);
            _readers++;
            return _buffer;
        }
    }

    private void Release()
    {
        lock (this)
        {
            _readers--;
            ReturnIfIdle();
        }
    }

    private void ReturnIfIdle()
    {
        if (_disposed && _readers == 0 && _buffer is byte[] buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
