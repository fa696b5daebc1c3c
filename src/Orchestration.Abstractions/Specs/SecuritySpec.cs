using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>Security settings of the containers: a <see cref="SecurityProfile"/> (Baseline unless set, see
/// <see cref="Profile"/>) and what the workload asks for beyond it. Privileged mode, host namespaces, the capability
/// ALL and binds reaching the node's root must also be allowed by the runtime's options, or applying the workload is
/// refused.</summary>
public sealed record SecuritySpec
{
    /// <summary>The defaults: the fleet's profile (Baseline unless the fleet sets another) and nothing more.</summary>
    public static SecuritySpec Default { get; } = new();

    /// <summary>The profile; <see langword="null"/> takes the fleet's (the orchestrator's <c>SecurityProfile</c>
    /// option), which is <see cref="SecurityProfile.Baseline"/> unless set.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public SecurityProfile? Profile { get; init; }

    /// <summary>Linux capabilities added to those of the profile, such as "NET_ADMIN" (names as the engine takes
    /// them, with or without "CAP_"). "ALL" needs the runtime's privileged opt-in.</summary>
    public ImmutableArray<string> AddCapabilities { get; init; } = [];

    /// <summary>Run privileged. Refused unless the runtime allows it.</summary>
    public bool Privileged { get; init; }

    /// <summary>Share the node's network namespace. Refused unless the runtime allows it.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>Share the node's process namespace. Refused unless the runtime allows it.</summary>
    public bool HostPid { get; init; }

    /// <summary>Mount the root file system read-only.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>User (name or uid[:gid]) the process runs as; <see langword="null"/> keeps the image's.</summary>
    public string? User { get; init; }

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(SecuritySpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && Profile == other.Profile
               && ValueEquality.Sequence(AddCapabilities, other.AddCapabilities)
               && Privileged == other.Privileged
               && HostNetwork == other.HostNetwork
               && HostPid == other.HostPid
               && ReadOnlyRootFilesystem == other.ReadOnlyRootFilesystem
               && User == other.User);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Profile);
        hash.Add(ValueEquality.SequenceHash(AddCapabilities));
        hash.Add(Privileged);
        hash.Add(HostNetwork);
        hash.Add(User);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(SecuritySpec)).AppendMembers(builder, this);
}
