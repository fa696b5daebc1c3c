namespace Orchestration.Kubernetes;

/// <summary>Something in a fleet that Kubernetes cannot express as declared: what was carried over instead, or that
/// nothing was.</summary>
/// <param name="Field">Field path in the fleet, such as <c>workloads["web"].dependencies["cache"]</c>.</param>
/// <param name="Message">What Kubernetes cannot express, and what the manifests do instead.</param>
public sealed record ExportWarning(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
