using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>The expectations of one workload (see <see cref="Expectations"/>). Written by the workload's reconcile and
/// by background removals, so every member locks.</summary>
internal sealed class WorkloadExpectations
{
    private readonly Dictionary<string, (ContainerInfo Info, DateTimeOffset At)> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _deleted = new(StringComparer.Ordinal);

    public void Created(ContainerInfo info, DateTimeOffset now)
    {
        lock (_created)
        {
            _created[info.Ref.Id] = (info, now);
            _deleted.Remove(info.Ref.Id);
        }
    }

    public void Deleted(ContainerRef container, DateTimeOffset now)
    {
        lock (_created)
        {
            _created.Remove(container.Id);
            _deleted[container.Id] = now;
        }
    }

    public IReadOnlyList<ContainerInfo> Overlay(IReadOnlyList<ContainerInfo> observed, DateTimeOffset now)
    {
        lock (_created)
        {
            if (_created.Count == 0 && _deleted.Count == 0)
            {
                return observed;
            }

            var result = new List<ContainerInfo>(observed.Count + _created.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in observed)
            {
                var id = c.Ref.Id;
                seen.Add(id);
                if (_deleted.TryGetValue(id, out var removedAt))
                {
                    if (now - removedAt <= Expectations.Timeout)
                    {
                        continue;
                    }

                    _deleted.Remove(id);
                }

                if (_created.TryGetValue(id, out var started))
                {
                    var merged = WithStartPorts(c, started.Info);
                    if (ReferenceEquals(merged, c) || now - started.At > Expectations.Timeout)
                    {
                        // Confirmed with everything the start reported (or long enough): the cache knows it now.
                        _created.Remove(id);
                    }

                    result.Add(merged);
                    continue;
                }

                result.Add(c);
            }

            foreach (var id in _deleted.Keys.Where(id => !seen.Contains(id)).ToList())
            {
                _deleted.Remove(id);
            }

            foreach (var (id, (info, at)) in _created.ToList())
            {
                if (seen.Contains(id))
                {
                    continue;
                }

                if (now - at > Expectations.Timeout)
                {
                    _created.Remove(id);
                }
                else
                {
                    result.Add(info);
                }
            }

            return result;
        }
    }

    /// <summary>A list taken between a container's create and its start reports it with no published ports; the
    /// start call's answer has them. The cache's state wins (it may be newer), the start's ports and address fill
    /// what it lacks.</summary>
    private static ContainerInfo WithStartPorts(ContainerInfo observed, ContainerInfo started)
        => observed.PublishedPorts.Count >= started.PublishedPorts.Count && (observed.NetworkAddress is not null || started.NetworkAddress is null)
            ? observed
            : observed with
            {
                PublishedPorts = observed.PublishedPorts.Count >= started.PublishedPorts.Count ? observed.PublishedPorts : started.PublishedPorts,
                NetworkAddress = observed.NetworkAddress ?? started.NetworkAddress,
            };
}
