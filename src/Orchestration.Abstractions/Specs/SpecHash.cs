using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Orchestration;

/// <summary>Hashes the container-shaping fields of a workload into a stable revision id. Only declared values go in,
/// in a fixed order, so the same spec hashes the same in every process and on every machine.</summary>
internal static class SpecHash
{
    public static string Compute(WorkloadSpec spec)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("image", spec.Image);
            WriteArray(w, "command", spec.Command);
            WriteArray(w, "args", spec.Args);
            WriteMap(w, "env", spec.Environment);
            w.WriteStartArray("secrets");
            foreach (var s in spec.Secrets.OrderBy(s => s.EnvironmentVariable, StringComparer.Ordinal))
            {
                w.WriteStringValue($"{s.EnvironmentVariable}={s.SecretName}");
            }

            w.WriteEndArray();
            w.WriteStartArray("ports");
            foreach (var p in spec.Ports)
            {
                w.WriteStringValue($"{p.Name}/{p.ContainerPort}/{p.Protocol}/{p.HostPort}/{p.HostIp}");
            }

            w.WriteEndArray();
            var r = spec.Resources;
            w.WriteString("resources", $"{r.CpuRequestMillicores}/{r.CpuLimitMillicores}/{r.MemoryRequestBytes}/{r.MemoryLimitBytes}/{r.PidsLimit}");
            w.WriteStartArray("mounts");
            foreach (var m in spec.Mounts)
            {
                w.WriteStringValue($"{m.Kind}/{m.Source}/{m.Target}/{m.ReadOnly}");
            }

            w.WriteEndArray();
            if (spec.Kind == WorkloadKind.StatefulSet && spec.StatefulSet.VolumeTemplates.Length > 0)
            {
                // Only when present, so that the revisions of every other workload stay what they were.
                w.WriteStartArray("volumeTemplates");
                foreach (var v in spec.StatefulSet.VolumeTemplates)
                {
                    w.WriteStringValue($"{v.Name}/{v.Target}/{v.ReadOnly}");
                }

                w.WriteEndArray();
            }

            if (spec.Files.Length > 0)
            {
                // Only when present, so that the revisions of every other workload stay what they were.
                w.WriteStartArray("files");
                foreach (var f in spec.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    w.WriteStringValue($"{f.Path}/{f.Source}/{f.Reference}");
                }

                w.WriteEndArray();
            }

            if (spec.ContentDigest is { } digest)
            {
                w.WriteString("contentDigest", digest);
            }

            var sec = spec.Security;
            WriteArray(w, "caps", sec.AddCapabilities);
            w.WriteString("security", $"{sec.Privileged}/{sec.HostNetwork}/{sec.HostPid}/{sec.ReadOnlyRootFilesystem}/{sec.User}");
            if (sec.Profile is { } profile)
            {
                // Only when set, so that the revisions of workloads without one stay what they were.
                w.WriteString("profile", profile.ToString());
            }

            WriteMap(w, "labels", spec.Labels);
            WriteMap(w, "nodeSelector", spec.Placement.NodeSelector);
            w.WriteStartArray("tolerations");
            foreach (var t in spec.Placement.Tolerations)
            {
                w.WriteStringValue($"{t.Key}/{t.Value}/{t.Effect}");
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash[..5]);
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }
}
