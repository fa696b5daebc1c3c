using System.Globalization;

namespace Orchestration.Benchmarks.Converge;

/// <summary>What one <see cref="ConvergeScenario"/> run measured.</summary>
internal sealed record ConvergeResult
{
    public required double InitialSeconds { get; init; }

    public required double ReconvergeSeconds { get; init; }

    /// <summary>Processor time the process used (all threads) until the first convergence and until the second: less
    /// sensitive than wall time to other work on a shared machine.</summary>
    public required double InitialCpuSeconds { get; init; }

    public required double ReconvergeCpuSeconds { get; init; }

    /// <summary>The process's peak working set (resident memory) so far, in MB; the largest run sets it.</summary>
    public required double PeakWorkingSetMb { get; init; }

    /// <summary>The largest managed heap sampled during the run (every 50 ms, garbage included), in MB.</summary>
    public required double PeakHeapMb { get; init; }

    /// <summary>Managed bytes allocated during the run, in MB.</summary>
    public required double AllocatedMb { get; init; }

    /// <summary>Reconciles over the whole run (both phases), and those until the first convergence.</summary>
    public required long Reconciles { get; init; }

    public required long InitialReconciles { get; init; }

    /// <summary>Wall-clock seconds spent inside reconciles, summed over the workers.</summary>
    public required double ReconcileSeconds { get; init; }

    public required long MaxReconcilesPerWorkload { get; init; }

    /// <summary>How often the benchmark's wait condition ran (once per status change), and those until the first
    /// convergence.</summary>
    public required int StatusChecks { get; init; }

    public required int InitialStatusChecks { get; init; }

    /// <summary>Seconds spent in the condition itself.</summary>
    public required double StatusCheckSeconds { get; init; }

    /// <summary>Seconds one <see cref="IOrchestrator.GetStatus"/> takes at the end of the run (each check made one).</summary>
    public required double StatusReadSeconds { get; init; }

    /// <summary>Running containers off the lost nodes at the end.</summary>
    public required int Running { get; init; }

    public IEnumerable<(string Key, string Value)> Fields(string suffix)
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return ($"initial_s_{suffix}", ConvergeBenchmark.Seconds(InitialSeconds));
        yield return ($"reconverge_s_{suffix}", ConvergeBenchmark.Seconds(ReconvergeSeconds));
        yield return ($"initial_cpu_s_{suffix}", ConvergeBenchmark.Seconds(InitialCpuSeconds));
        yield return ($"reconverge_cpu_s_{suffix}", ConvergeBenchmark.Seconds(ReconvergeCpuSeconds));
        yield return ($"peak_mb_{suffix}", ConvergeBenchmark.Ratio(PeakWorkingSetMb));
        yield return ($"peak_heap_mb_{suffix}", ConvergeBenchmark.Ratio(PeakHeapMb));
        yield return ($"alloc_mb_{suffix}", ConvergeBenchmark.Ratio(AllocatedMb));
        yield return ($"reconciles_{suffix}", Reconciles.ToString(invariant));
        yield return ($"initial_reconciles_{suffix}", InitialReconciles.ToString(invariant));
        yield return ($"max_reconciles_per_workload_{suffix}", MaxReconcilesPerWorkload.ToString(invariant));
        yield return ($"reconcile_s_{suffix}", ConvergeBenchmark.Seconds(ReconcileSeconds));
        yield return ($"status_checks_{suffix}", StatusChecks.ToString(invariant));
        yield return ($"initial_status_checks_{suffix}", InitialStatusChecks.ToString(invariant));
        yield return ($"status_check_s_{suffix}", ConvergeBenchmark.Seconds(StatusCheckSeconds));
        yield return ($"status_read_ms_{suffix}", (StatusReadSeconds * 1000).ToString("0.00", invariant));
        yield return ($"status_wait_est_s_{suffix}", ConvergeBenchmark.Seconds(StatusCheckSeconds + (StatusChecks * StatusReadSeconds)));
        yield return ($"running_{suffix}", Running.ToString(invariant));
    }
}
