using Orchestration.Runtime;

namespace Orchestration.Health;

/// <summary>Answers probes for the containers of the runtimes it serves instead of the network: the in-memory
/// simulation registers one, since its containers have no sockets. Registered in DI; the prober asks the first one that
/// serves a target's runtime, and probes over HTTP, TCP or exec otherwise. Answers must be deterministic under a fake
/// clock.</summary>
internal interface IProbeTransport
{
    bool Serves(IContainerRuntime runtime);

    ProbeOutcome Answer(ContainerRef container, ProbeTarget target, ProbeSpec probe);
}
