using Docker.DotNet.Models;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>A fleet whose network, secrets and configs exist on the swarm, with each workload's references to them.</summary>
internal sealed record PreparedFleet(
    FleetSpec Fleet,
    IReadOnlyDictionary<string, List<global::Docker.DotNet.Models.SecretReference>> Secrets,
    IReadOnlyDictionary<string, List<SwarmConfigReference>> Configs);
