using Docker.DotNet.Models;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>What a workload's <see cref="SecurityProfile"/> sets on Docker's host configuration.
/// Baseline: the engine's default capabilities less NET_RAW and MKNOD (by dropping those two, so the list follows the
/// engine's), plus what the spec adds; no new privileges through setuid files (a process that starts as root and
/// switches user with setuid()/setgid(), as nginx and PostgreSQL do, is not affected); an init process; a pids limit
/// when the spec sets none. Restricted: every capability dropped and only what the spec adds (NET_BIND_SERVICE at
/// most, checked at apply), the read-only root file system, the spec's non-root user (checked at apply).</summary>
internal static class SecurityProfileSettings
{
    /// <summary>Processes a Baseline container may run when the spec sets no limit: enough for a database's worker
    /// processes, few enough that a fork bomb cannot take the node.</summary>
    public const long BaselinePidsLimit = 4096;

    public static void Apply(HostConfig hostConfig, ResolvedContainerSpec spec)
    {
        var security = spec.Security;
        var profile = security.Profile ?? SecurityProfile.Baseline;
        hostConfig.Init = true;
        hostConfig.SecurityOpt = ["no-new-privileges:true"];
        hostConfig.CapAdd = [.. security.AddCapabilities.Select(CapabilityRules.Normalize)];
        if (profile == SecurityProfile.Restricted)
        {
            hostConfig.CapDrop = [CapabilityRules.All];
            hostConfig.ReadonlyRootfs = true;
        }
        else
        {
            hostConfig.CapDrop = [.. CapabilityRules.EngineDefaults.Except(CapabilityRules.Baseline).Except(hostConfig.CapAdd)];
            hostConfig.ReadonlyRootfs = security.ReadOnlyRootFilesystem;
        }

        hostConfig.PidsLimit = spec.Resources.PidsLimit ?? BaselinePidsLimit;
    }
}
