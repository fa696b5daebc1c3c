using System.Diagnostics;

namespace Orchestration.TestSupport;

/// <summary>The tests' one polling helper: reads until a condition holds or a deadline passes, backing off from 50 ms
/// to 500 ms between reads; never a fixed sleep. A timeout says what was awaited and the last value seen.</summary>
public static class Eventually
{
    /// <summary>Reads with <paramref name="read"/> until <paramref name="done"/> holds for the value; returns it.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var last = await read();
            if (done(last))
            {
                return last;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>; the message
    /// names <paramref name="what"/>.</exception>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
        => ValueAsync(condition, held => held, timeout, what);

    /// <summary>Polls <paramref name="condition"/> until it holds; returns the time it took. The timeout's message ends
    /// with what <paramref name="describe"/> says of the state then.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describe)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await ValueAsync(condition, held => held, timeout, "the condition");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Still not true after {timeout.TotalSeconds:0} s: {await describe()}");
        }

        return clock.Elapsed;
    }
}
