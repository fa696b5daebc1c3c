namespace Orchestration.Benchmarks.Converge;

/// <summary>Samples the managed heap's size every 50 ms and keeps the largest (garbage not yet collected included).</summary>
internal sealed class HeapPeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public HeapPeakSampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public double PeakMb
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / 1e6;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var bytes = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (bytes > seen && Interlocked.CompareExchange(ref _peak, bytes, seen) != seen);
    }
}
