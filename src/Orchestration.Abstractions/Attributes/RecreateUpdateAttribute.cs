namespace Orchestration;

/// <summary>Stops every old replica before starting new ones on each new revision. Conflicts with
/// <see cref="RollingUpdateAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RecreateUpdateAttribute : Attribute
{
}
