using System.Security.Cryptography;
using System.Text;

namespace Orchestration.Testing.Reuse;

/// <summary>The hash a kept fleet is labelled with: every workload's name and revision (the hash of its declared fields,
/// probes as applied) and the engines it runs on. Equal hashes mean a kept fleet can be adopted as it is.</summary>
internal static class SpecHash
{
    public static string Of(FleetSpec spec, IEnumerable<Uri> engines)
    {
        var text = new StringBuilder();
        foreach (var workload in spec.Workloads.OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            text.Append(workload.Name).Append('=').Append(workload.Revision).Append('\n');
        }

        foreach (var engine in engines.Select(e => e.ToString()).Order(StringComparer.Ordinal))
        {
            text.Append("engine=").Append(engine).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
