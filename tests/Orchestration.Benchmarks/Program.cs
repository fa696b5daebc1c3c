using Orchestration.Benchmarks;

return args.FirstOrDefault() switch
{
    "scheduler" => SchedulerBenchmark.Run(),
    "converge" => await ConvergeBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Orchestration.Benchmarks -- <scheduler|converge>");
    return 2;
}
