using k8s;

namespace Orchestration.Kubernetes.Tests;

/// <summary>Writes an export as YAML and reads it back with the Kubernetes client, failing on any difference.</summary>
internal static class RoundTrip
{
    /// <summary>The objects read back from the export's YAML, checked equal to the exported ones field by field.</summary>
    public static IReadOnlyList<object> ReadBack(KubernetesExport export)
    {
        var yaml = export.ToYaml();
        var readBack = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        Assert.Equal(export.Objects.Count, readBack.Count);
        var differences = new List<string>();
        for (var i = 0; i < readBack.Count; i++)
        {
            var expected = export.Objects[i];
            differences.AddRange(ModelComparer.Differences(expected, readBack[i]).Select(d => $"{expected.Kind}/{expected.Metadata.Name} {d}"));
            Assert.Equal(KubernetesJson.Serialize(expected), KubernetesJson.Serialize(readBack[i]));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        return readBack;
    }

    /// <summary>The one object of type <typeparamref name="T"/> named <paramref name="name"/> read back.</summary>
    public static T Single<T>(IReadOnlyList<object> objects, string name)
        where T : IKubernetesObject<k8s.Models.V1ObjectMeta>
        => Assert.Single(objects.OfType<T>(), o => o.Metadata.Name == name);
}
