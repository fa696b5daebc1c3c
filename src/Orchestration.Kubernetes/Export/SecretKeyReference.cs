namespace Orchestration.Kubernetes;

/// <summary>A key of a Kubernetes Secret that the manifests read and that must exist before the pods start. The
/// manifests never carry secret values, only these references.</summary>
/// <param name="Secret">Name of the Kubernetes Secret object.</param>
/// <param name="Key">Key inside it.</param>
/// <param name="SecretName">The fleet's secret name the key stands for (what the secret resolver looks up).</param>
public sealed record SecretKeyReference(string Secret, string Key, string SecretName);
