using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

/// <summary>The read-back check finds a field that was lost or changed, so a passing round trip means no loss.</summary>
public sealed class ModelComparerTests
{
    [Fact]
    public void A_lost_or_changed_field_is_named_by_its_path()
    {
        var export = KubernetesManifests.From(new FleetBuilder("shop").AddWorkload("api", w => w.Image("api:1").Port("http", 80).Limits(cpu: "250m")).Build());
        var original = (V1Deployment)export.Objects[0];
        var readBack = KubernetesYaml.LoadAllFromString(export.ToYaml()).OfType<V1Deployment>().Single();
        Assert.Empty(ModelComparer.Differences(original, readBack));

        var container = readBack.Spec.Template.Spec.Containers[0];
        container.Ports[0].Name = null;
        container.Resources.Limits["cpu"] = new ResourceQuantity("300m");
        readBack.Spec.Strategy.RollingUpdate.MaxSurge = "1";
        readBack.Metadata.Labels.Remove("app.kubernetes.io/managed-by");

        var differences = ModelComparer.Differences(original, readBack);

        Assert.Contains("$.Spec.Template.Spec.Containers[0].Ports[0].Name: expected 'http', read back nothing", differences);
        Assert.Contains("$.Spec.Template.Spec.Containers[0].Resources.Limits[cpu]: expected 250m, read back 300m", differences);
        Assert.Contains("$.Spec.Strategy.RollingUpdate.MaxSurge: expected 25%, read back 1", differences);
        Assert.Contains("$.Metadata.Labels[app.kubernetes.io/managed-by]: expected 'orchestration', read back nothing", differences);
        Assert.Equal(4, differences.Count);
    }
}
