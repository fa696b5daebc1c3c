using System.Collections.Immutable;
using System.Globalization;
using Docker.DotNet.Models;
using EngineState = Docker.DotNet.Models.State;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Reads Docker's inspect answer into a <see cref="ContainerInfo"/>: state, exit code, times, the fleet
/// network address and the published ports by name (from the port label and the actual bindings).</summary>
internal static class ContainerInfoReader
{
    /// <param name="node">The node's name.</param>
    /// <param name="inspect">The engine's answer.</param>
    /// <param name="networkName">The fleet network.</param>
    /// <param name="remoteHost">The host of an engine on another machine, where its wildcard-bound ports are reached;
    /// <see langword="null"/> for an engine on this machine.</param>
    public static ContainerInfo Read(string node, ContainerInspectResponse inspect, string networkName, string? remoteHost = null)
    {
        var labels = (inspect.Config?.Labels ?? new Dictionary<string, string>())
            .ToImmutableSortedDictionary(StringComparer.Ordinal, StringComparer.Ordinal);
        var state = ReadState(inspect.State);
        return new ContainerInfo
        {
            Ref = new ContainerRef(node, inspect.ID),
            Name = inspect.Name.TrimStart('/'),
            Labels = labels,
            State = state,
            ExitCode = state is ContainerState.Exited or ContainerState.Dead ? (int?)inspect.State?.ExitCode : null,
            OomKilled = inspect.State?.OOMKilled ?? false,
            StartedAt = ReadTime(inspect.State?.StartedAt),
            FinishedAt = ReadTime(inspect.State?.FinishedAt),
            PublishedPorts = ReadPorts(inspect, labels, remoteHost),
            NetworkAddress = ReadAddress(inspect.NetworkSettings, networkName),
        };
    }

    private static ContainerState ReadState(EngineState? state) => state?.Status switch
    {
        "created" => ContainerState.Created,
        "running" or "restarting" or "paused" => ContainerState.Running,
        "exited" => ContainerState.Exited,
        _ => ContainerState.Dead,
    };

    private static DateTimeOffset? ReadTime(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year > 1
            ? time
            : null;

    private static ImmutableDictionary<string, HostEndpoint> ReadPorts(ContainerInspectResponse inspect, ImmutableSortedDictionary<string, string> labels, string? remoteHost)
    {
        var names = PortLabel.Parse(labels.GetValueOrDefault(PortLabel.Key));
        if (names.Count == 0)
        {
            return ImmutableDictionary<string, HostEndpoint>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<string, HostEndpoint>(StringComparer.Ordinal);
        var hostNetwork = inspect.HostConfig?.NetworkMode == "host";
        var bindings = inspect.NetworkSettings?.Ports;
        foreach (var (name, dockerPort) in names)
        {
            if (hostNetwork)
            {
                var containerPort = int.Parse(dockerPort.Split('/')[0], CultureInfo.InvariantCulture);
                result[name] = new HostEndpoint(remoteHost ?? "127.0.0.1", containerPort);
                continue;
            }

            if (bindings is null || !bindings.TryGetValue(dockerPort, out var list) || list is null)
            {
                continue;
            }

            var binding = list.FirstOrDefault(b => !b.HostIP.Contains(':', StringComparison.Ordinal)) ?? list.FirstOrDefault();
            if (binding is not null && int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                result[name] = new HostEndpoint(ReachableHost(binding.HostIP, remoteHost), port);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>A wildcard binding is reached on loopback from the orchestrator's machine, or at the engine's own
    /// address when the engine is on another machine.</summary>
    private static string ReachableHost(string hostIp, string? remoteHost) => hostIp switch
    {
        "" or "0.0.0.0" or "::" when remoteHost is not null => remoteHost,
        "" or "0.0.0.0" => "127.0.0.1",
        "::" => "::1",
        _ => hostIp,
    };

    private static string? ReadAddress(NetworkSettings? settings, string networkName)
    {
        if (settings?.Networks is not { Count: > 0 } networks)
        {
            return null;
        }

        var endpoint = networks.TryGetValue(networkName, out var own) ? own : networks.Values.First();
        return string.IsNullOrEmpty(endpoint?.IPAddress) ? null : endpoint.IPAddress;
    }
}
