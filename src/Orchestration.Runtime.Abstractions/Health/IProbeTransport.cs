using Orchestration.Runtime;

namespace Orchestration.Health;

/// <summary>Answers probes for the containers of the runtimes it serves instead of the network: a runtime whose
/// containers have no sockets (such as the in-memory simulation) registers one. Registered in dependency injection;
/// the prober asks the first one that serves a target's runtime, and probes over HTTP, TCP or exec otherwise. Answers
/// must be deterministic under a fake clock.</summary>
public interface IProbeTransport
{
    /// <summary>Whether this transport answers the probes of containers on <paramref name="runtime"/>.</summary>
    bool Serves(IContainerRuntime runtime);

    /// <summary>The outcome of one check of <paramref name="probe"/>, as <paramref name="target"/>, against
    /// <paramref name="container"/>.</summary>
    ProbeOutcome Answer(ContainerRef container, ProbeTarget target, ProbeSpec probe);
}
