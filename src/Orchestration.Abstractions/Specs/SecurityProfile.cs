namespace Orchestration;

/// <summary>How much a workload's containers may do, after Kubernetes' Pod Security Standards.</summary>
public enum SecurityProfile
{
    /// <summary>The default, which common server images run under unchanged (they may start as root and switch
    /// user): the engine's default capabilities less NET_RAW and MKNOD, no new privileges through setuid files, an
    /// init process, a process limit; privileged mode, the node's namespaces, the engine socket and binds reaching the
    /// node's root are refused unless the runtime's options allow them.</summary>
    Baseline,

    /// <summary>Every capability dropped (only NET_BIND_SERVICE may be added back), a non-root user required (the spec
    /// must name one), a read-only root file system, and everything Baseline refuses, refused outright.</summary>
    Restricted,
}
