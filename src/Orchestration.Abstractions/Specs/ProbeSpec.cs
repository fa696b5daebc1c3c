using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>How a probe checks a replica.</summary>
public enum ProbeKind
{
    /// <summary>HTTP GET on a named port; a 2xx or 3xx status is success.</summary>
    Http,

    /// <summary>A TCP connection to a named port is success.</summary>
    Tcp,

    /// <summary>A command run inside the container; exit code 0 is success.</summary>
    Exec,
}

/// <summary>A health check of one replica. Create one with <see cref="Probe"/> and adjust it with <c>with</c>:
/// <c>Probe.Http("/health") with { Period = TimeSpan.FromSeconds(5) }</c>.</summary>
public sealed record ProbeSpec
{
    /// <summary>How the probe checks.</summary>
    public required ProbeKind Kind { get; init; }

    /// <summary>Name of the declared port an HTTP or TCP probe targets.</summary>
    public string? Port { get; init; }

    /// <summary>Path of an HTTP probe, starting with '/'.</summary>
    public string? Path { get; init; }

    /// <summary>Command of an exec probe.</summary>
    public ImmutableArray<string> Command { get; init; } = [];

    /// <summary>Wait before the first check.</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan InitialDelay { get; init; } = ProbeDefaults.InitialDelay;

    /// <summary>Time between checks.</summary>
    /// <value>The default value is 1 second (Kubernetes: 10 s).</value>
    public TimeSpan Period { get; init; } = ProbeDefaults.Period;

    /// <summary>Time one check may take before it counts as failed.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan Timeout { get; init; } = ProbeDefaults.Timeout;

    /// <summary>Consecutive successes that make the probe pass.</summary>
    /// <value>The default value is 1.</value>
    public int SuccessThreshold { get; init; } = ProbeDefaults.SuccessThreshold;

    /// <summary>Consecutive failures that make the probe fail.</summary>
    /// <value>The default value is 3.</value>
    public int FailureThreshold { get; init; } = ProbeDefaults.FailureThreshold;

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(ProbeSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && Kind == other.Kind
               && Port == other.Port
               && Path == other.Path
               && ValueEquality.Sequence(Command, other.Command)
               && InitialDelay == other.InitialDelay
               && Period == other.Period
               && Timeout == other.Timeout
               && SuccessThreshold == other.SuccessThreshold
               && FailureThreshold == other.FailureThreshold);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Port);
        hash.Add(Path);
        hash.Add(ValueEquality.SequenceHash(Command));
        hash.Add(Period);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(ProbeSpec)).AppendMembers(builder, this);
}

/// <summary>Default probe timings; apps read them on any probe <see cref="Probe"/> makes.</summary>
internal static class ProbeDefaults
{
    /// <summary>Zero: probe as soon as the container runs.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.Zero;

    /// <summary>1 second.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>1 second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>1.</summary>
    public const int SuccessThreshold = 1;

    /// <summary>3.</summary>
    public const int FailureThreshold = 3;
}

/// <summary>Creates probes.</summary>
public static class Probe
{
    /// <summary>HTTP GET <paramref name="path"/> on the named port; 2xx and 3xx are success.</summary>
    public static ProbeSpec Http(string path, string port = "http") => new() { Kind = ProbeKind.Http, Path = path, Port = port };

    /// <summary>A TCP connection to the named port.</summary>
    public static ProbeSpec Tcp(string port) => new() { Kind = ProbeKind.Tcp, Port = port };

    /// <summary>A command run inside the container; exit code 0 is success.</summary>
    public static ProbeSpec Exec(params string[] command) => new() { Kind = ProbeKind.Exec, Command = [.. command] };
}

/// <summary>The three probes of a workload. The startup probe, when set, gates the other two.</summary>
public sealed record ProbeSet
{
    /// <summary>No probes: a running container counts as ready.</summary>
    public static ProbeSet None { get; } = new();

    /// <summary>Must pass once before readiness and liveness are checked.</summary>
    public ProbeSpec? Startup { get; init; }

    /// <summary>Decides whether the replica is Ready and in the workload's endpoints.</summary>
    public ProbeSpec? Readiness { get; init; }

    /// <summary>Failing it restarts the replica.</summary>
    public ProbeSpec? Liveness { get; init; }
}
