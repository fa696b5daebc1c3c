namespace Orchestration.Runtime.Docker.Events;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, in order.
/// (<see cref="Progress{T}"/> posts each report to the thread pool, so reports can be handled out of order.)</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
