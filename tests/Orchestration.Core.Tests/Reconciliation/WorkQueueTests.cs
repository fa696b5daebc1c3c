using Microsoft.Extensions.Time.Testing;
using Orchestration.Reconciliation;

namespace Orchestration.Tests.Reconciliation;

public sealed class WorkQueueTests
{
    [Fact]
    public async Task A_key_added_twice_is_taken_once()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None));
        Assert.Equal("b", await queue.TakeAsync(CancellationToken.None));
        queue.Done("a");
        queue.Done("b");
        Assert.True(queue.IsIdle);
    }

    [Fact]
    public async Task A_key_added_while_processing_runs_once_more_afterwards_never_concurrently()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        queue.Add("a");
        var key = await queue.TakeAsync(CancellationToken.None);
        queue.Add("a");
        queue.Add("a");
        var second = queue.TakeAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        queue.Done(key!);
        Assert.Equal("a", await second.WaitAsync(TimeSpan.FromSeconds(10)));
        queue.Done("a");
        Assert.True(queue.IsIdle);
        await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Failures_back_off_exponentially_per_key_and_success_forgets()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue(time);
        Assert.Equal(TimeSpan.FromMilliseconds(50), queue.AddRateLimited("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), queue.AddRateLimited("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), queue.AddRateLimited("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(50), queue.AddRateLimited("b"));
        Assert.True(queue.IsIdle);

        time.Advance(TimeSpan.FromMilliseconds(50));
        var first = await queue.TakeAsync(CancellationToken.None);
        var second = await queue.TakeAsync(CancellationToken.None);
        Assert.Equal(["a", "b"], new[] { first!, second! }.Order());
        queue.Forget("a");
        Assert.Equal(0, queue.Failures("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(50), queue.AddRateLimited("a"));
    }

    [Fact]
    public async Task Delayed_adds_fire_on_the_fake_clock_and_the_earliest_wins()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue(time);
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(queue.IsIdle);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        queue.Done("a");
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(queue.IsIdle);
    }
}
