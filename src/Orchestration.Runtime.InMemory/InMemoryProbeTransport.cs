using Orchestration.Health;
using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>Probes of simulated containers, answered by the in-memory runtime from the behaviour set for them.</summary>
internal sealed class InMemoryProbeTransport : IProbeTransport
{
    private readonly InMemoryRuntime _runtime;

    public InMemoryProbeTransport(InMemoryRuntime runtime)
    {
        _runtime = runtime;
    }

    public bool Serves(IContainerRuntime runtime) => ReferenceEquals(runtime, _runtime);

    public ProbeOutcome Answer(ContainerRef container, ProbeTarget target, ProbeSpec probe) => _runtime.Answer(container, target, probe);
}
