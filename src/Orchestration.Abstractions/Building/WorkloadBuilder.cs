using System.Collections.Immutable;

namespace Orchestration;

/// <summary>Builds a <see cref="WorkloadSpec"/> fluently. Methods that parse text (quantities) record a problem
/// instead of throwing, so <see cref="Build"/> reports every problem at once. A builder is frozen once built.</summary>
public sealed partial class WorkloadBuilder
{
    private readonly List<ValidationProblem> _problems = [];
    private WorkloadSpec _spec;
    private bool _built;

    /// <summary>Starts a service named <paramref name="name"/> with one replica.</summary>
    public WorkloadBuilder(string name)
    {
        _spec = new WorkloadSpec
        {
            Name = name,
            Image = string.Empty,
            Environment = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
            Labels = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
        };
    }

    /// <summary>Starts from an existing spec, to derive a changed copy.</summary>
    public WorkloadBuilder(WorkloadSpec spec)
    {
        _spec = spec;
    }

    /// <summary>The workload's name.</summary>
    public string Name => _spec.Name;

    /// <summary>Sets the image reference.</summary>
    public WorkloadBuilder Image(string image) => Set(s => s with { Image = image });

    /// <summary>Sets when nodes pull the image.</summary>
    public WorkloadBuilder PullPolicy(PullPolicy policy) => Set(s => s with { PullPolicy = policy });

    /// <summary>Sets the desired replica count of a service.</summary>
    public WorkloadBuilder Replicas(int replicas) => Set(s => s with { Replicas = replicas });

    /// <summary>Replaces the image's entrypoint.</summary>
    public WorkloadBuilder Command(params string[] command) => Set(s => s with { Command = [.. command] });

    /// <summary>Replaces the image's arguments.</summary>
    public WorkloadBuilder Args(params string[] args) => Set(s => s with { Args = [.. args] });

    /// <summary>Sets a plain environment variable, replacing an earlier value of the same name.</summary>
    public WorkloadBuilder Env(string name, string value) => Set(s => s with { Environment = s.Environment.SetItem(name, value) });

    /// <summary>Sets an environment variable from a secret resolved when each container starts.</summary>
    public WorkloadBuilder Secret(string environmentVariable, string secretName)
        => Set(s => s with { Secrets = s.Secrets.Add(new SecretReference(environmentVariable, secretName)) });

    /// <summary>Mounts a secret as a read-only file, <c>/run/secrets/{secretName}</c> unless <paramref name="path"/> is
    /// given: the stronger choice than <see cref="Secret"/>, as the value is in no environment and no container
    /// configuration.</summary>
    public WorkloadBuilder SecretFile(string secretName, string? path = null)
        => Set(s => s with { Files = s.Files.Add(new FileSpec(path ?? $"{FileSpec.DefaultSecretDirectory}/{secretName}", FileSourceKind.Secret, secretName)) });

    /// <summary>Mounts a read-only configuration file with the given text.</summary>
    public WorkloadBuilder ConfigFile(string path, string content)
        => Set(s => s with { Files = s.Files.Add(new FileSpec(path, FileSourceKind.Text, content)) });

    /// <summary>Mounts a read-only configuration file with the content of a file of the machine that runs the
    /// orchestrator, read when the fleet is applied.</summary>
    public WorkloadBuilder ConfigFileFromHost(string path, string hostPath)
        => Set(s => s with { Files = s.Files.Add(new FileSpec(path, FileSourceKind.HostFile, hostPath)) });

    /// <summary>Mounts a read-only configuration file with a section of the application's configuration rendered as
    /// JSON (such as <c>"Shop:Api"</c>), read when the fleet is applied.</summary>
    public WorkloadBuilder ConfigFileFromConfiguration(string path, string section)
        => Set(s => s with { Files = s.Files.Add(new FileSpec(path, FileSourceKind.ConfigurationSection, section)) });

    /// <summary>Declares a named port; published on an ephemeral node port unless <paramref name="hostPort"/> is set.</summary>
    public WorkloadBuilder Port(string name, int containerPort, PortProtocol protocol = PortProtocol.Tcp, int? hostPort = null, string? hostIp = null)
        => Set(s => s with { Ports = s.Ports.Add(new PortSpec(name, containerPort, protocol, hostPort, hostIp)) });

    /// <summary>Sets what the scheduler reserves per replica: CPU such as "250m" or "0.5", memory such as "256Mi".</summary>
    public WorkloadBuilder Requests(string? cpu = null, string? memory = null)
    {
        var cpuValue = ParseCpu(cpu, "resources.cpuRequest");
        var memoryValue = ParseMemory(memory, "resources.memoryRequest");
        return Set(s => s with
        {
            Resources = s.Resources with
            {
                CpuRequestMillicores = cpuValue ?? s.Resources.CpuRequestMillicores,
                MemoryRequestBytes = memoryValue ?? s.Resources.MemoryRequestBytes,
            },
        });
    }

    /// <summary>Sets what the runtime enforces per replica: CPU, memory and the number of processes.</summary>
    public WorkloadBuilder Limits(string? cpu = null, string? memory = null, long? pids = null)
    {
        var cpuValue = ParseCpu(cpu, "resources.cpuLimit");
        var memoryValue = ParseMemory(memory, "resources.memoryLimit");
        return Set(s => s with
        {
            Resources = s.Resources with
            {
                CpuLimitMillicores = cpuValue ?? s.Resources.CpuLimitMillicores,
                MemoryLimitBytes = memoryValue ?? s.Resources.MemoryLimitBytes,
                PidsLimit = pids ?? s.Resources.PidsLimit,
            },
        });
    }

    /// <summary>Adds the <c>with</c> changes of <paramref name="change"/> to the spec: the escape hatch for fields
    /// without a builder method.</summary>
    public WorkloadBuilder Configure(Func<WorkloadSpec, WorkloadSpec> change) => Set(change);

    /// <summary>Validates the workload on its own and returns it. Cross-workload rules (dependencies, host ports)
    /// are checked when a fleet is built or applied.</summary>
    /// <exception cref="SpecValidationException">Every problem found.</exception>
    public WorkloadSpec Build()
    {
        var problems = new List<ValidationProblem>();
        var spec = BuildUnvalidated(problems);
        SpecValidator.ValidateWorkload(spec, problems);
        return problems.Count == 0 ? spec : throw new SpecValidationException(problems);
    }

    /// <summary>Freezes the builder and returns its spec, adding the parse problems it recorded.</summary>
    internal WorkloadSpec BuildUnvalidated(List<ValidationProblem> problems)
    {
        _built = true;
        problems.AddRange(_problems);
        return _spec;
    }

    private WorkloadBuilder Set(Func<WorkloadSpec, WorkloadSpec> change)
    {
        if (_built)
        {
            throw new InvalidOperationException($"The builder of workload '{_spec.Name}' has already built its spec and cannot be changed.");
        }

        _spec = change(_spec);
        return this;
    }

    private long? ParseCpu(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (Quantity.TryParseCpuMillicores(text, out var value))
        {
            return value;
        }

        _problems.Add(new($"workloads[\"{_spec.Name}\"].{field}", text, "is not a CPU quantity: use millicores such as \"250m\" or cores such as \"1.5\""));
        return null;
    }

    private long? ParseMemory(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (Quantity.TryParseBytes(text, out var value))
        {
            return value;
        }

        _problems.Add(new($"workloads[\"{_spec.Name}\"].{field}", text, "is not a memory quantity: use bytes with an optional suffix Ki, Mi, Gi, Ti, k, M, G or T, such as \"512Mi\""));
        return null;
    }
}
