using System.Globalization;

namespace Orchestration.Benchmarks.Converge;

/// <summary>Shows that the control loop's cost grows with the work, not with its square: the same scenario at two sizes
/// (ten times the replicas per workload and ten times the nodes), each converged from empty and then again after a
/// tenth of the nodes is lost, then stateful sets of the small size (with a volume per replica) from empty. Prints
/// the times and the growth (large over small).
/// <para>With arguments <c>nodes workloads replicas-per-workload lost-nodes</c> it runs that one size only (a
/// quicker loop while working on the control loop) and prints <c>bench converge_custom …</c>.</para></summary>
internal static class ConvergeBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count > 0)
        {
            if (args.Count != 4 || !args.All(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                Console.Error.WriteLine("usage: converge [nodes workloads replicas-per-workload lost-nodes]");
                return 2;
            }

            var n = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
            var custom = await ConvergeScenario.Services("custom", n[0], n[1], n[2], n[3]).RunAsync();
            Console.WriteLine(Line("converge_custom", custom.Fields("custom")));
            return 0;
        }

        var small = await ConvergeScenario.Services("small", nodes: 1_000, workloads: 10, replicasPerWorkload: 1_000, lostNodes: 100).RunAsync();
        var large = await ConvergeScenario.Services("large", nodes: 10_000, workloads: 10, replicasPerWorkload: 10_000, lostNodes: 1_000).RunAsync();
        var stateful = await ConvergeScenario.StatefulSets("statefulset", nodes: 1_000, workloads: 10, replicasPerWorkload: 1_000).RunAsync();

        // Another kind or size is one more RunAsync here, with its fields appended to the line.
        Console.WriteLine(Line("converge",
        [
            ("initial_s_small", Seconds(small.InitialSeconds)),
            ("reconverge_s_small", Seconds(small.ReconvergeSeconds)),
            ("initial_s_large", Seconds(large.InitialSeconds)),
            ("reconverge_s_large", Seconds(large.ReconvergeSeconds)),
            ("initial_growth", Ratio(large.InitialSeconds / small.InitialSeconds)),
            ("reconverge_growth", Ratio(large.ReconvergeSeconds / small.ReconvergeSeconds)),
            ("peak_mb_large", Ratio(large.PeakWorkingSetMb)),
            ("peak_heap_mb_large", Ratio(large.PeakHeapMb)),
            ("reconciles_small", small.Reconciles.ToString(CultureInfo.InvariantCulture)),
            ("reconciles_large", large.Reconciles.ToString(CultureInfo.InvariantCulture)),
            ("running_large", large.Running.ToString(CultureInfo.InvariantCulture)),
            ("statefulset_initial_s", Seconds(stateful.InitialSeconds)),
        ]));
        return 0;
    }

    internal static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string Ratio(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Line(string scenario, IEnumerable<(string Key, string Value)> fields)
        => $"bench {scenario} {string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}"))}";
}
