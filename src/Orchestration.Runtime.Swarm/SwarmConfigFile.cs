namespace Orchestration.Runtime.Swarm;

/// <summary>A configuration file of a workload, kept as a Swarm config.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Target">Absolute path inside the container.</param>
/// <param name="Content">The file's content.</param>
internal sealed record SwarmConfigFile(string Workload, string Target, string Content);
