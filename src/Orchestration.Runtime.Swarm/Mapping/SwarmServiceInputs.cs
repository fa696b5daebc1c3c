using Docker.DotNet.Models;

namespace Orchestration.Runtime.Swarm.Mapping;

/// <summary>What a workload's service needs besides its spec: the fleet, the fleet's network, its secrets and
/// configs as created on the swarm, and the environment its dependencies contribute.</summary>
internal sealed record SwarmServiceInputs(
    FleetSpec Fleet,
    string NetworkName,
    IReadOnlyList<global::Docker.DotNet.Models.SecretReference> Secrets,
    IReadOnlyList<SwarmConfigReference> Configs,
    IReadOnlyDictionary<string, string> DependencyEnvironment);
