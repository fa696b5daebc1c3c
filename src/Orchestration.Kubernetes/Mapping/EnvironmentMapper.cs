using System.Text.RegularExpressions;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Plain variables as values; secrets as references to a key of the fleet's Secret object, never values.</summary>
internal static partial class EnvironmentMapper
{
    public static List<V1EnvVar>? Map(WorkloadSpec workload, ExportContext context)
    {
        var env = new List<V1EnvVar>();
        foreach (var (name, value) in workload.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env.Add(new V1EnvVar { Name = name, Value = value });
        }

        foreach (var secret in workload.Secrets)
        {
            var key = SecretKey(secret, workload, context);
            context.RequireSecret(key, secret.SecretName);
            env.Add(new V1EnvVar
            {
                Name = secret.EnvironmentVariable,
                ValueFrom = new V1EnvVarSource
                {
                    SecretKeyRef = new V1SecretKeySelector { Name = context.SecretObjectName, Key = key },
                },
            });
        }

        return env.Count == 0 ? null : env;
    }

    private static string SecretKey(SecretReference secret, WorkloadSpec workload, ExportContext context)
    {
        if (SecretKeyRule().IsMatch(secret.SecretName) && secret.SecretName.Length <= 253)
        {
            return secret.SecretName;
        }

        var key = InvalidKeyCharacter().Replace(secret.SecretName, "-");
        key = key.Length > 253 ? key[..253] : key;
        context.Warn(
            $"{ExportContext.PathOf(workload)}.secrets[\"{secret.EnvironmentVariable}\"].secretName",
            $"is '{secret.SecretName}', not a valid Secret key (letters, digits, '-', '_' and '.'); the manifests read the key '{key}' instead");
        return key;
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyRule();

    [GeneratedRegex("[^-._a-zA-Z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidKeyCharacter();
}
