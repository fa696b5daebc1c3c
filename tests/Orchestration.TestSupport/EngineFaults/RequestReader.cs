using System.Text;

namespace Orchestration.TestSupport.EngineFaults;

/// <summary>Reads HTTP/1.1 requests off a client connection, far enough to know where each one ends: the head, then
/// a body of a declared length or in chunks, copied on as it is read.</summary>
internal sealed class RequestReader(Stream source)
{
    private const int MaxHead = 64 * 1024;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request head (through the blank line), or <see langword="null"/> when the client closed.</summary>
    public async Task<byte[]?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var end = span[Math.Max(0, scanned - 3)..].IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var length = Math.Max(0, scanned - 3) + end + 4;
                var head = span[..length].ToArray();
                _start += length;
                return head;
            }

            scanned = span.Length;
            if (scanned > MaxHead || !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    /// <summary>Copies the body the head announces to <paramref name="target"/>.</summary>
    public async Task CopyBodyAsync(RequestHead head, Stream target, CancellationToken cancellationToken)
    {
        if (head.Chunked)
        {
            await CopyChunksAsync(target, cancellationToken).ConfigureAwait(false);
        }
        else if (head.ContentLength > 0)
        {
            await CopyAsync(head.ContentLength, target, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies everything until the client closes (an upgraded, raw connection).</summary>
    public async Task CopyToEndAsync(Stream target, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            await target.WriteAsync(_buffer.AsMemory(_start, _end - _start), cancellationToken).ConfigureAwait(false);
            _start = _end;
        }

        await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyChunksAsync(Stream target, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            await target.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            var text = Encoding.ASCII.GetString(line).Trim();
            var semicolon = text.IndexOf(';', StringComparison.Ordinal);
            var size = Convert.ToInt64(semicolon >= 0 ? text[..semicolon] : text, 16);
            if (size == 0)
            {
                // Trailers, then the blank line.
                while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)) is { } trailer)
                {
                    await target.WriteAsync(trailer, cancellationToken).ConfigureAwait(false);
                    if (trailer.Length <= 2)
                    {
                        return;
                    }
                }
            }

            await CopyAsync(size + 2, target, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var end = span.IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = span[..(end + 2)].ToArray();
                _start += end + 2;
                return line;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("The client closed the connection in the middle of a chunked body.");
            }
        }
    }

    private async Task CopyAsync(long count, Stream target, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_end == _start && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("The client closed the connection in the middle of a body.");
            }

            var take = (int)Math.Min(count, _end - _start);
            await target.WriteAsync(_buffer.AsMemory(_start, take), cancellationToken).ConfigureAwait(false);
            _start += take;
            count -= take;
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        var read = await source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }
}
