using System.Collections.Immutable;

namespace Orchestration.Runtime;

/// <summary>Everything a runtime needs to start one replica's container: the resolved container spec, the replica's
/// identity, the node chosen by the scheduler, and the environment with secrets already resolved. Its text form never
/// shows environment values.</summary>
public sealed record ContainerLaunch
{
    /// <summary>The fleet's name.</summary>
    public required string Fleet { get; init; }

    /// <summary>What the container runs: image, command, ports, mounts, limits and security, resolved from the
    /// workload's spec.</summary>
    public required ResolvedContainerSpec Container { get; init; }

    /// <summary>The replica's stable id.</summary>
    public required string ReplicaId { get; init; }

    /// <summary>The node the scheduler chose.</summary>
    public required string Node { get; init; }

    /// <summary>Container name, unique on the node: <c>{fleet}-{workload}-{replica}-{attempt}</c>. Every container of a
    /// replica has its own name; ownership is read from the labels, never from the name.</summary>
    public required string Name { get; init; }

    /// <summary>All labels to put on the container, ownership labels included.</summary>
    public required ImmutableSortedDictionary<string, string> Labels { get; init; }

    /// <summary>The environment: the spec's variables, injected dependency addresses and resolved secrets.</summary>
    public required ImmutableSortedDictionary<string, string> Environment { get; init; }

    /// <summary>Extra network aliases besides the workload name (a stateful replica's own name, such as <c>db-0</c>).</summary>
    public ImmutableArray<string> NetworkAliases { get; init; } = [];

    /// <summary>The host name inside the container: a stateful replica's own name (such as <c>db-0</c>, as Kubernetes
    /// names a stateful pod's host); <see langword="null"/> leaves the runtime's default.</summary>
    public string? Hostname { get; init; }

    /// <summary>The replica's own named volumes (a stateful set's volume templates), mounted besides the workload's
    /// mounts; a runtime creates each on first use and keeps it after the container is removed.</summary>
    public ImmutableArray<MountSpec> ReplicaVolumes { get; init; } = [];

    /// <summary>Read-only files (secrets and configuration files) with their resolved content; a runtime puts them on
    /// a memory-backed file system, never into the container's configuration.</summary>
    public ImmutableArray<ContainerFile> Files { get; init; } = [];

    /// <summary>Every resolved secret value of this launch (secret files and secret environment variables), for
    /// runtimes to redact from every message of their engine before it goes anywhere.</summary>
    public ImmutableArray<string> SecretValues { get; init; } = [];

    /// <summary>Replaces every secret value in <paramref name="message"/> with <c>***</c>, as given and as an engine
    /// written in Go quotes it (control characters, quotes and backslashes escaped).</summary>
    public string Redact(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var value in SecretValues)
        {
            if (value.Length > 0)
            {
                message = message.Replace(value, "***", StringComparison.Ordinal)
                    .Replace(EscapedText.GoQuoted(value), "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <inheritdoc />
    public override string ToString()
        => $"{Name} on {Node} (image {Container.Image}, revision {Container.Revision}, {Environment.Count} environment variables, {Files.Length} files)";
}
