namespace Orchestration.Runtime.Swarm;

/// <summary>Default values of <see cref="SwarmRuntimeOptions"/>.</summary>
internal static class SwarmRuntimeDefaults
{
    public const string NetworkPrefix = "orchestration-";

    public const string ManagerNodeName = "manager";

    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan UpdateMonitor = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
}
