using System.Diagnostics;

namespace Orchestration.Testing.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes; returns the time it took.</summary>
public static class Eventually
{
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Still not true after {timeout.TotalSeconds:0} s: {await describe()}");
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }
}
