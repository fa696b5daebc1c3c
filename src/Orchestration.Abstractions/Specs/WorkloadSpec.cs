using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>The declared state of one workload: what runs, how many, where, and how it is kept healthy and updated.
/// Immutable; build one with <see cref="WorkloadBuilder"/> or a typed workload class.</summary>
public sealed record WorkloadSpec
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkloadSpec, string> Revisions = new();

    /// <summary>Unique name within the fleet (DNS label: lowercase letters, digits, '-', at most 63 characters).</summary>
    public required string Name { get; init; }

    /// <summary>Service, job or daemon set.</summary>
    public WorkloadKind Kind { get; init; } = WorkloadKind.Service;

    /// <summary>Image reference, such as "redis:7" or "registry.example:5000/team/api@sha256:…".</summary>
    public required string Image { get; init; }

    /// <summary>When nodes pull the image.</summary>
    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;

    /// <summary>Replaces the image's entrypoint when not empty.</summary>
    public ImmutableArray<string> Command { get; init; } = [];

    /// <summary>Replaces the image's arguments when not empty.</summary>
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>Plain environment variables.</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Environment variables whose values are secrets resolved when a container starts.</summary>
    public ImmutableArray<SecretReference> Secrets { get; init; } = [];

    /// <summary>Read-only files (secrets and configuration files) mounted into every container.</summary>
    public ImmutableArray<FileSpec> Files { get; init; } = [];

    /// <summary>A keyed hash (HMAC with the fleet's key) of the resolved secrets and file contents, set when the
    /// fleet is applied, so that a changed value makes a new revision; <see langword="null"/> before. Neither a value
    /// nor a plain hash of one.</summary>
    public string? ContentDigest { get; init; }

    /// <summary>Named ports.</summary>
    public ImmutableArray<PortSpec> Ports { get; init; } = [];

    /// <summary>Desired replica count of a service or stateful set; ignored by daemon sets, jobs and cron jobs.</summary>
    /// <value>The default value is 1.</value>
    public int Replicas { get; init; } = 1;

    /// <summary>CPU, memory and process requests and limits of one replica.</summary>
    public ResourceSpec Resources { get; init; } = ResourceSpec.None;

    /// <summary>Node selection, tolerations, anti-affinity and scoring strategy.</summary>
    public PlacementSpec Placement { get; init; } = PlacementSpec.Default;

    /// <summary>Startup, readiness and liveness probes.</summary>
    public ProbeSet Probes { get; init; } = ProbeSet.None;

    /// <summary>When and how fast stopped replicas are restarted.</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.Default;

    /// <summary>How new revisions replace old ones.</summary>
    public UpdateStrategy Update { get; init; } = UpdateStrategy.Default;

    /// <summary>Completions, parallelism and backoff limit of a job or of each run of a cron job; ignored by other
    /// kinds.</summary>
    public JobSpec Job { get; init; } = JobSpec.Default;

    /// <summary>Ordinal identity, per-replica volumes, ordering and partition of a stateful set; ignored by other
    /// kinds.</summary>
    public StatefulSetSpec StatefulSet { get; init; } = StatefulSetSpec.Default;

    /// <summary>Schedule, concurrency, deadline, history and suspension of a cron job; ignored by other kinds.</summary>
    public CronJobSpec CronJob { get; init; } = CronJobSpec.Default;

    /// <summary>Workloads that must reach a state before this one starts.</summary>
    public ImmutableArray<DependencySpec> Dependencies { get; init; } = [];

    /// <summary>Volumes, binds and tmpfs mounts.</summary>
    public ImmutableArray<MountSpec> Mounts { get; init; } = [];

    /// <summary>User labels put on every container; keys under "io.orchestration." are reserved.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Capabilities, privileges and namespaces.</summary>
    public SecuritySpec Security { get; init; } = SecuritySpec.Default;

    /// <summary>Time between the stop signal and a forced kill.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a replica stays running after it left the endpoints and before it is stopped, so that clients
    /// stop sending it requests first.</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan DrainDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The connection string dependants receive as <c>ConnectionStrings__{name}</c> (the variable .NET
    /// configuration reads as <c>GetConnectionString(name)</c>), with <c>{host}</c>, <c>{port}</c> (the first port) and
    /// <c>{port:NAME}</c> replaced, such as <c>"{host}:{port:redis}"</c>; <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ConnectionStringFormat { get; init; }

    /// <summary>How a service scales itself on metrics; <see langword="null"/> for a fixed <see cref="Replicas"/>.
    /// Not part of the revision.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public AutoscalingSpec? Autoscaling { get; init; }

    /// <summary>Stable hash of the fields that shape a container (image, command, environment, secret names, ports,
    /// resources, mounts, security, labels, placement). Replica count, probes, restart and update settings do not
    /// change it, so scaling or tuning a rollout never replaces containers. Ten lowercase hex characters. Computed once per
    /// instance and kept outside the record, so <c>with</c> copies never carry a stale value.</summary>
    public string Revision => Revisions.GetValue(this, static spec => SpecHash.Compute(spec));

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(WorkloadSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && Name == other.Name
               && Kind == other.Kind
               && Image == other.Image
               && PullPolicy == other.PullPolicy
               && ValueEquality.Sequence(Command, other.Command)
               && ValueEquality.Sequence(Args, other.Args)
               && ValueEquality.Map(Environment, other.Environment)
               && ValueEquality.Sequence(Secrets, other.Secrets)
               && ValueEquality.Sequence(Files, other.Files)
               && ContentDigest == other.ContentDigest
               && ValueEquality.Sequence(Ports, other.Ports)
               && Replicas == other.Replicas
               && Resources == other.Resources
               && Placement == other.Placement
               && Probes == other.Probes
               && Restart == other.Restart
               && Update == other.Update
               && Job == other.Job
               && StatefulSet == other.StatefulSet
               && CronJob == other.CronJob
               && ValueEquality.Sequence(Dependencies, other.Dependencies)
               && ValueEquality.Sequence(Mounts, other.Mounts)
               && ValueEquality.Map(Labels, other.Labels)
               && Security == other.Security
               && StopGracePeriod == other.StopGracePeriod
               && DrainDelay == other.DrainDelay
               && ConnectionStringFormat == other.ConnectionStringFormat
               && Autoscaling == other.Autoscaling);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Kind);
        hash.Add(Image);
        hash.Add(Replicas);
        hash.Add(ValueEquality.SequenceHash(Command));
        hash.Add(ValueEquality.SequenceHash(Args));
        hash.Add(ValueEquality.MapHash(Environment));
        hash.Add(ValueEquality.SequenceHash(Ports));
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(WorkloadSpec)).AppendMembers(builder, this);

    /// <summary>Whether this workload declares a port with the given name.</summary>
    public bool HasPort(string name) => Ports.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
