using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Testing;

namespace Orchestration.TestSupport;

/// <summary>What the project's own tests do with a <see cref="TestFleet"/> beyond its public surface: wait for a
/// condition or an event with a deadline, apply a changed fleet, run a command in one replica.</summary>
public static class TestFleetExtensions
{
    /// <summary>Waits until the fleet's status satisfies <paramref name="condition"/>.</summary>
    public static Task<FleetStatus> WaitForAsync(this TestFleet fleet, Func<FleetStatus, bool> condition, double seconds = 120)
        => fleet.Orchestrator.WaitForAsync(condition, TimeSpan.FromSeconds(seconds));

    /// <summary>The first event of type <typeparamref name="T"/> matching <paramref name="match"/>, published since before
    /// the fleet started; a <see cref="TimeoutException"/> listing the events seen when none comes in time.</summary>
    public static async Task<T> WaitForEventAsync<T>(this TestFleet fleet, Func<T, bool> match, double seconds = 60)
        where T : OrchestrationEvent
    {
        try
        {
            return await fleet.Events.OfType<T>().FirstAsync(match).ToTask().WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching {typeof(T).Name} within {seconds} s; events: {string.Join(" | ", fleet.EventsSoFar().Select(e => e.Message))}");
        }
    }

    /// <summary>Every event of the fleet so far (the replay a new subscriber gets at once).</summary>
    public static IReadOnlyList<OrchestrationEvent> EventsSoFar(this TestFleet fleet)
    {
        var events = new List<OrchestrationEvent>();
        using (fleet.Events.Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        }))
        {
        }

        lock (events)
        {
            return [.. events];
        }
    }

    /// <summary>Applies the fleet made of <paramref name="workloads"/> under the fleet's name.</summary>
    public static Task ApplyAsync(this TestFleet fleet, params WorkloadSpec[] workloads)
        => fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = fleet.Name, Workloads = [.. workloads] });

    /// <summary>Runs a command in the current container of <paramref name="replica"/>.</summary>
    public static Task<ExecResult> ExecAsync(this TestFleet fleet, ReplicaStatus replica, params string[] command)
        => fleet.Services.GetRequiredService<IContainerRuntime>()
            .ExecAsync(new ContainerRef(replica.Node!, replica.ContainerId!), command, TimeSpan.FromSeconds(20), CancellationToken.None);
}
