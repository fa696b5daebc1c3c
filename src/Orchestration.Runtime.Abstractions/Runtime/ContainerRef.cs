namespace Orchestration.Runtime;

/// <summary>Identifies one container: the node it is on and its id there.</summary>
/// <param name="Node">Node name.</param>
/// <param name="Id">Container id on that node.</param>
public readonly record struct ContainerRef(string Node, string Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Node}/{(Id.Length > 12 ? Id[..12] : Id)}";
}
