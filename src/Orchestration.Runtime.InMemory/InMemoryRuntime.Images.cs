using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>Simulated image availability: every image is on every node unless marked missing.</summary>
public sealed partial class InMemoryRuntime
{
    private readonly HashSet<string> _missingImages = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="image"/> missing on every node (<see cref="IContainerRuntime.EnsureImageAsync"/>
    /// then fails with <see cref="ImageUnavailableException"/>), or available again.</summary>
    public void SetImageMissing(string image, bool missing = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        lock (_gate)
        {
            if (missing)
            {
                _missingImages.Add(image);
            }
            else
            {
                _missingImages.Remove(image);
            }
        }
    }

    private bool IsMissing(string image) => _missingImages.Contains(image);
}
