namespace Orchestration.LeaderElection.Tests.Infrastructure;

/// <summary>The lease stores eng/stores.sh starts (ports overridable by the same variables as the script).</summary>
internal static class LeaseServers
{
    public static string Redis { get; } = $"127.0.0.1:{Environment.GetEnvironmentVariable("ORCHESTRATION_REDIS_PORT") ?? "6391"}";

    public static string Postgres { get; } =
        $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("ORCHESTRATION_POSTGRES_PORT") ?? "5441"};Username=orchestration;Password=orchestration;Database=orchestration";

    public static string UniqueFleet(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("n")[..8]}";
}
