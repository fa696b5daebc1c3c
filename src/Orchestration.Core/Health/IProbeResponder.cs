using Orchestration.Runtime;

namespace Orchestration.Health;

/// <summary>A runtime that answers probes of its containers itself instead of over the network: the in-memory
/// simulation, whose containers have no sockets. Answers must be deterministic under a fake clock.</summary>
internal interface IProbeResponder
{
    ProbeOutcome Answer(ContainerRef container, ProbeTarget target, ProbeSpec probe);
}
