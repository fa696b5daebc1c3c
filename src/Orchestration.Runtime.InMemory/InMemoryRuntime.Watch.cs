using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>The event stream.</summary>
public sealed partial class InMemoryRuntime
{
    private readonly List<Subscriber> _subscribers = [];
    private int _undelivered;

    /// <summary>Events written to a stream whose reader has not finished handling them yet (the reader is done with
    /// an event when it asks for the next one): a test waits for zero to know the control loop saw every change.</summary>
    public int UndeliveredEvents => Volatile.Read(ref _undelivered);

    /// <inheritdoc />
    public async IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(fleet, Channel.CreateUnbounded<RuntimeEvent>(new UnboundedChannelOptions { SingleReader = true }));
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        try
        {
            var reader = subscriber.Channel.Reader;
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var e))
                {
                    if (e.Kind == RuntimeEventKind.NodeChanged && reader.TryPeek(out var next) && next.Kind == RuntimeEventKind.NodeChanged)
                    {
                        // A node change tells the reader to read the nodes again; the next one already does that, so
                        // a burst (a thousand nodes lost at once) costs one read of every node, not one per change.
                        Interlocked.Decrement(ref _undelivered);
                        continue;
                    }

                    try
                    {
                        yield return e;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _undelivered);
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
                while (subscriber.Channel.Reader.TryRead(out _))
                {
                    Interlocked.Decrement(ref _undelivered);
                }
            }
        }
    }

    private void Emit(SimulatedContainer c, RuntimeEventKind kind, int? exitCode = null)
    {
        var e = new RuntimeEvent
        {
            Kind = kind,
            Node = c.Info.Ref.Node,
            ContainerId = c.Info.Ref.Id,
            ReplicaId = c.ReplicaId,
            Workload = c.Workload,
            ExitCode = exitCode,
            Container = kind is RuntimeEventKind.Created or RuntimeEventKind.Started ? c.Info : null,
            Time = _time.GetUtcNow(),
        };
        foreach (var s in _subscribers)
        {
            if (s.Fleet == c.Fleet)
            {
                Write(s, e);
            }
        }
    }

    private void EmitNode(string node, RuntimeEventKind kind, NodeState? state)
    {
        var e = new RuntimeEvent { Kind = kind, Node = node, NodeState = state, Time = _time.GetUtcNow() };
        foreach (var s in _subscribers)
        {
            Write(s, e);
        }
    }

    private void Write(Subscriber s, RuntimeEvent e)
    {
        Interlocked.Increment(ref _undelivered);
        if (!s.Channel.Writer.TryWrite(e))
        {
            Interlocked.Decrement(ref _undelivered);
        }
    }

    private sealed record Subscriber(string Fleet, Channel<RuntimeEvent> Channel);
}
