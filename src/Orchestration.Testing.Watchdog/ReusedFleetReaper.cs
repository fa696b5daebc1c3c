using Docker.DotNet;

namespace Orchestration.Testing.Watchdog;

/// <summary>Removes reused fleets nobody uses: a fleet whose users are all gone and that was last used longer ago than
/// its idle period is removed (containers and network, by its reuse label) under the key's lock, so that a process
/// starting it at the same moment either adopts it before or makes it anew after.</summary>
internal static class ReusedFleetReaper
{
    /// <summary>Waits until each of <paramref name="keys"/> is idle long enough, then removes it; gives up on a key
    /// another live process uses (its own watchdog takes over) or whose lock is held (it is being started).</summary>
    public static async Task RemoveWhenIdleAsync(IReadOnlyCollection<string> keys, Func<Uri, CancellationToken, Task<DockerClient>> connect, Action<string> log, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(keys, StringComparer.Ordinal);
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var next = TimeSpan.FromSeconds(1);
            foreach (var key in pending.ToList())
            {
                var (done, wait, _) = await TryRemoveAsync(key, connect, log, cancellationToken).ConfigureAwait(false);
                if (done)
                {
                    pending.Remove(key);
                }
                else if (wait < next)
                {
                    next = wait;
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(next < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : next, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Removes every reused fleet of this machine that is idle long enough; returns how many.</summary>
    public static async Task<int> SweepIdleAsync(Func<Uri, CancellationToken, Task<DockerClient>> connect, Action<string> log, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var key in ReuseDirectory.Keys.ToList())
        {
            if (ReuseDirectory.LiveUsers(key).Count == 0 && (await TryRemoveAsync(key, connect, log, cancellationToken).ConfigureAwait(false)).Removed)
            {
                removed++;
            }
        }

        return removed;
    }

    private static async Task<(bool Done, TimeSpan Wait, bool Removed)> TryRemoveAsync(string key, Func<Uri, CancellationToken, Task<DockerClient>> connect, Action<string> log, CancellationToken cancellationToken)
    {
        if (ReuseDirectory.ReadDescription(key) is not { } description)
        {
            return (true, TimeSpan.Zero, false);
        }

        if (ReuseDirectory.LiveUsers(key).Count > 0)
        {
            return (true, TimeSpan.Zero, false);
        }

        var idleUntil = ReuseDirectory.LastUsed(key) + TimeSpan.FromSeconds(description.IdleSeconds);
        var wait = idleUntil - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            return (false, wait, false);
        }

        using var held = ReuseDirectory.TryLock(key);
        if (held is null)
        {
            // Someone is starting it right now: it is in use again.
            return (true, TimeSpan.Zero, false);
        }

        // Checked again under the lock: a process may have adopted it in between.
        if (ReuseDirectory.LiveUsers(key).Count > 0 || ReuseDirectory.LastUsed(key) + TimeSpan.FromSeconds(description.IdleSeconds) > DateTimeOffset.UtcNow)
        {
            return (false, TimeSpan.FromSeconds(1), false);
        }

        foreach (var engine in description.Engines)
        {
            var client = await connect(new Uri(engine), cancellationToken).ConfigureAwait(false);
            var removed = await SessionReaper.RemoveLabelledAsync(client, $"{ReuseDirectory.ReuseLabel}={key}", cancellationToken).ConfigureAwait(false);
            log($"removed reused fleet '{description.Fleet}' (key {key}, idle {description.IdleSeconds:0.#} s): {removed} containers and networks on {engine}");
        }

        ReuseDirectory.Forget(key);
        return (true, TimeSpan.Zero, true);
    }
}
