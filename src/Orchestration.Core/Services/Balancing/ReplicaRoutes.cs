using System.Collections.Immutable;
using System.Net;
using Orchestration.Runtime;

namespace Orchestration.Services;

/// <summary>Chooses how a balancer reaches each ready replica: straight to its fleet-network address when the replica's
/// published port is on this machine and this machine is attached to that network (a local engine's bridge, as
/// kube-proxy sends to pod addresses), otherwise through its published port.</summary>
internal static class ReplicaRoutes
{
    public static IReadOnlyList<ReplicaRoute> Resolve(IReadOnlyList<ServiceEndpoint> endpoints, ImmutableArray<ReadyReplica> ready, int? containerPort)
        => Resolve(endpoints, ready, containerPort, containerPort is null ? [] : AttachedNetworks.Read());

    /// <summary>As <see cref="Resolve(IReadOnlyList{ServiceEndpoint}, ImmutableArray{ReadyReplica}, int?)"/>, with this
    /// machine's interface networks given.</summary>
    public static IReadOnlyList<ReplicaRoute> Resolve(
        IReadOnlyList<ServiceEndpoint> endpoints,
        ImmutableArray<ReadyReplica> ready,
        int? containerPort,
        IReadOnlyList<(IPAddress Address, int Prefix)> networks)
    {
        return [.. endpoints.Select(e => new ReplicaRoute(e.ReplicaId, Direct(e, ready, containerPort, networks) ?? e.Address))];
    }

    private static HostEndpoint? Direct(ServiceEndpoint endpoint, ImmutableArray<ReadyReplica> ready, int? containerPort, IReadOnlyList<(IPAddress Address, int Prefix)> networks)
    {
        if (containerPort is not { } port || !AttachedNetworks.IsThisMachine(endpoint.Address.Host, networks))
        {
            return null;
        }

        var replica = ready.FirstOrDefault(r => r.Status.Id == endpoint.ReplicaId);
        return replica?.NetworkAddress is { } text && IPAddress.TryParse(text, out var address) && AttachedNetworks.IsOnAttachedNetwork(address, networks)
            ? new HostEndpoint(text, port)
            : null;
    }
}
