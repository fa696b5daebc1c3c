using System.Buffers;
using System.Net.Sockets;

namespace Orchestration.Services;

/// <summary>Copies bytes both ways between a client and a replica until both sides have finished sending, passing on
/// half-closes; an error on either side aborts both.</summary>
internal static class ConnectionPump
{
    private const int BufferSize = 16 * 1024;

    public static async Task RunAsync(Socket client, Socket upstream, CancellationToken cancellationToken)
    {
        var toUpstream = CopyAsync(client, upstream, cancellationToken);
        var toClient = CopyAsync(upstream, client, cancellationToken);
        var first = await Task.WhenAny(toUpstream, toClient).ConfigureAwait(false);
        if (!await first.ConfigureAwait(false))
        {
            Abort(client);
            Abort(upstream);
        }

        await Task.WhenAll(toUpstream, toClient).ConfigureAwait(false);
    }

    /// <summary>Copies until <paramref name="from"/> finishes sending; returns false on an error.</summary>
    private static async Task<bool> CopyAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return true;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Abort(from);
            Abort(to);
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void Abort(Socket socket)
    {
        try
        {
            socket.Close(0);
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
