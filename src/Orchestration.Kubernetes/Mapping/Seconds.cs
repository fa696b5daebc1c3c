using System.Globalization;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Kubernetes counts most durations in whole seconds: converts a <see cref="TimeSpan"/>, rounding up, and
/// reports the fields whose value changes in the process.</summary>
internal static class Seconds
{
    public static int Of(TimeSpan value, ExportContext context, string field, int minimum = 0)
    {
        var seconds = (int)Math.Ceiling(value.TotalSeconds);
        var result = Math.Max(seconds, minimum);
        if (result != value.TotalSeconds)
        {
            context.Warn(field, $"is {Describe(value)}; Kubernetes counts it in whole seconds{(minimum > 0 ? $" (at least {minimum})" : string.Empty)}, so the manifests say {result} s");
        }

        return result;
    }

    private static string Describe(TimeSpan value)
        => value.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.###} ms");
}
