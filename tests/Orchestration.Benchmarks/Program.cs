using Orchestration.Benchmarks;
using Orchestration.Benchmarks.Converge;

return args.FirstOrDefault() switch
{
    "scheduler" => SchedulerBenchmark.Run(),
    "converge" => await ConvergeBenchmark.RunAsync(args[1..]),
    "rollout" => await RolloutBenchmark.RunAsync(),
    "fleet-start" => await Orchestration.Benchmarks.Docker.FleetStartBenchmark.RunAsync(),
    "self-heal" => await Orchestration.Benchmarks.Docker.SelfHealBenchmark.RunAsync(),
    "node-failover" => await Orchestration.Benchmarks.Docker.NodeFailoverBenchmark.RunAsync(),
    "harness" => await Orchestration.Benchmarks.Harness.HarnessBenchmark.RunAsync(),
    "swarm" => await Orchestration.Benchmarks.Swarm.SwarmBenchmark.RunAsync(),
    "balancer" => await Orchestration.Benchmarks.Docker.BalancerBenchmark.RunAsync(),
    "idle" => await Orchestration.Benchmarks.Docker.IdleBenchmark.RunAsync(args[1..]),
    "failover" => await Orchestration.Benchmarks.LeaderElection.FailoverBenchmark.RunAsync(args[1..]),
    "autoscale" => await Orchestration.Benchmarks.Autoscaling.AutoscaleBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Orchestration.Benchmarks -- <scheduler|converge|rollout|fleet-start|self-heal|node-failover|harness|swarm|balancer|idle|failover|autoscale>");
    return 2;
}
