using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Fills apiVersion and kind from the model's own Kubernetes entity constants.</summary>
internal static class ObjectHeader
{
    public static T Set<T>(T obj, string group, string version, string kind)
        where T : IKubernetesObject
    {
        obj.ApiVersion = group.Length == 0 ? version : $"{group}/{version}";
        obj.Kind = kind;
        return obj;
    }
}
