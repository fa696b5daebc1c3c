using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.TestSupport.EngineFaults;

namespace Orchestration.Benchmarks.Docker;

/// <summary>Issue 14: what an idle fleet costs the engine. A fleet of 20 and one of 100 idle replicas (busybox httpd, no
/// exec probes) run for <c>seconds=</c> (60 by default) each with the default resync; every request reaching the engine
/// is counted at its socket by an <see cref="EngineProxy"/> the node's endpoint points at. The goal: the same count for
/// both sizes (it depends on the number of nodes: pings), with no list and no inspect.</summary>
internal static class IdleBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var seconds = options.TryGetValue("seconds", out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : 60;
        var sizes = options.TryGetValue("replicas", out var list) ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [20, 100];
        if (seconds <= 0 || sizes.Length == 0 || sizes.Any(s => s <= 0))
        {
            Console.Error.WriteLine($"idle: seconds must be positive and replicas a comma-separated list of positive counts (got seconds={seconds}, replicas={string.Join(',', sizes)})");
            return 2;
        }

        var fields = new List<string>();
        foreach (var size in sizes)
        {
            var (calls, lists, inspects, other) = await MeasureAsync(size, TimeSpan.FromSeconds(seconds));
            var perMinute = 60 / seconds;
            fields.Add(string.Create(CultureInfo.InvariantCulture, $"replicas={size} calls_per_min={calls * perMinute:0.#} list={lists} inspect={inspects} other={other}"));
        }

        Console.WriteLine($"bench idle {string.Join(' ', fields)} seconds={seconds.ToString(CultureInfo.InvariantCulture)}");
        return 0;
    }

    /// <summary>Starts the fleet through the proxy, waits until it is ready and the start's events are handled, then
    /// counts the requests of <paramref name="window"/>.</summary>
    private static async Task<(int Calls, int Lists, int Inspects, string Other)> MeasureAsync(int replicas, TimeSpan window)
    {
        using var client = BenchFleet.Client();
        await using var proxy = EngineProxy.Start(BenchFleet.DefaultEndpoint);
        var fleet = $"bid{Guid.NewGuid():N}"[..12];
        var host = BenchFleet.BuildHost(fleet, BenchFleet.Web(replicas), docker: d => d.Nodes.Add(new Orchestration.Runtime.Docker.DockerNodeOptions { Name = "local", Endpoint = proxy.Endpoint }));
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            await host.StartAsync();
            await orchestrator.WaitForAsync(s => BenchFleet.AllReady(s, "web", replicas), TimeSpan.FromMinutes(5));
            await Task.Delay(TimeSpan.FromSeconds(5)); // the last start events and their inspects
            proxy.ResetCalls();
            await Task.Delay(window);
            var calls = proxy.Calls;
            var other = string.Join(',', calls.Where(c => !c.IsPing).GroupBy(c => c.ToString()).Select(g => $"{g.Key.Replace(' ', '_')}:{g.Count()}"));
            return (calls.Count, calls.Count(c => c.IsContainerList), calls.Count(c => c.IsContainerInspect), other.Length == 0 ? "none" : other);
        }
        finally
        {
            await BenchFleet.StopAsync(host);
            await BenchFleet.RemoveFleetAsync(client, fleet);
        }
    }
}
