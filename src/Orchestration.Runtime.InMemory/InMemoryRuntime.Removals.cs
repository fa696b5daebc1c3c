namespace Orchestration.InMemory;

/// <summary>Failing container removals, to show that what could not be removed is removed later.</summary>
public sealed partial class InMemoryRuntime
{
    private int _failRemovals;

    /// <summary>Makes the next <paramref name="count"/> removals fail (the container stays as it is).</summary>
    public void FailNextRemovals(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _failRemovals = count;
        }
    }

    private void ConsumeRemovalFailure()
    {
        if (_failRemovals > 0)
        {
            _failRemovals--;
            throw new InvalidOperationException("simulated removal failure");
        }
    }
}
