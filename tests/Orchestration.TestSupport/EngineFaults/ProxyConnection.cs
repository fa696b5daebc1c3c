using System.Net.Sockets;

namespace Orchestration.TestSupport.EngineFaults;

/// <summary>One client connection through the proxy and its connection to the engine. Answers flow back unparsed;
/// an answer to be dropped closes both sides as soon as the engine starts it.</summary>
internal sealed class ProxyConnection : IDisposable
{
    private readonly Socket _client;
    private readonly Socket _upstream;
    private volatile bool _dropAnswer;
    private int _closed;

    public ProxyConnection(Socket client, Socket upstream)
    {
        _client = client;
        _upstream = upstream;
        ClientStream = new NetworkStream(client, ownsSocket: false);
        UpstreamStream = new NetworkStream(upstream, ownsSocket: false);
    }

    public NetworkStream ClientStream { get; }

    public NetworkStream UpstreamStream { get; }

    /// <summary>Whether the last request on this connection follows the event stream.</summary>
    public bool IsEventStream { get; set; }

    /// <summary>The answer to the request about to be passed on never reaches the client: the connection closes when
    /// the engine starts answering.</summary>
    public void DropAnswer() => _dropAnswer = true;

    public async Task RelayAnswersAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await UpstreamStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0 || _dropAnswer)
                {
                    break;
                }

                await ClientStream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            Close();
        }
    }

    /// <summary>The client sent its last request: tell the engine, which then ends its answer and the connection.</summary>
    public void CloseUpstreamWrites()
    {
        try
        {
            _upstream.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _client.Close();
        _upstream.Close();
    }

    public void Dispose()
    {
        Close();
        ClientStream.Dispose();
        UpstreamStream.Dispose();
    }
}
