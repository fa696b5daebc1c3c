using System.Text.RegularExpressions;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Mounts as pod volumes: node paths as hostPath, tmpfs as a memory-backed emptyDir, named volumes as
/// references to PersistentVolumeClaims of the same name.</summary>
internal static partial class VolumeMapper
{
    public static (List<V1Volume>? Volumes, List<V1VolumeMount>? Mounts) Map(WorkloadSpec workload, ExportContext context)
    {
        if (workload.Mounts.IsEmpty)
        {
            return (null, null);
        }

        var volumes = new List<V1Volume>();
        var mounts = new List<V1VolumeMount>();
        for (var i = 0; i < workload.Mounts.Length; i++)
        {
            var mount = workload.Mounts[i];
            var at = $"{ExportContext.PathOf(workload)}.mounts[\"{mount.Target}\"]";
            var volume = mount.Kind switch
            {
                MountKind.Bind => new V1Volume { Name = $"bind-{i}", HostPath = new V1HostPathVolumeSource { Path = mount.Source } },
                MountKind.Tmpfs => new V1Volume { Name = $"tmpfs-{i}", EmptyDir = new V1EmptyDirVolumeSource { Medium = "Memory" } },
                _ => new V1Volume
                {
                    Name = $"volume-{i}",
                    PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = ClaimName(mount, at, context) },
                },
            };
            volumes.Add(volume);
            mounts.Add(new V1VolumeMount { Name = volume.Name, MountPath = mount.Target, ReadOnlyProperty = mount.ReadOnly ? true : null });
        }

        return (volumes, mounts);
    }

    private static string ClaimName(MountSpec mount, string at, ExportContext context)
    {
        var source = mount.Source ?? "volume";
        var claim = InvalidClaimCharacter().Replace(source.ToLowerInvariant(), "-").Trim('-', '.');
        claim = claim.Length == 0 ? "volume" : claim;
        context.Warn(
            $"{at}.source",
            $"names the volume '{source}', which Docker creates on a node on first use; Kubernetes needs a PersistentVolumeClaim '{claim}' created beforehand (with a size, a storage class and, for several replicas, ReadWriteMany access)");
        return claim;
    }

    [GeneratedRegex("[^-.a-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidClaimCharacter();
}
