using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Which failures to get a replica running cannot pass by waiting: the image is absent under pull policy
/// Never or its pull was refused (the runtime says so, <see cref="ImageUnavailableException.Permanent"/>), the
/// engine refuses the image reference, or the fixed host port is taken by something else. The replica keeps being
/// retried with its backoff (the cause may be removed), but its workload is reported as stalled at once (a start
/// failure from its second try in a row, about a second later) (<see cref="WorkloadStatus.StalledReason"/>), so that
/// waiting for it fails now instead of at a timeout.</summary>
internal static class PermanentFailures
{
    private static readonly (string Marker, string Meaning)[] StartMarkers =
    [
        ("port is already allocated", "a fixed host port is taken"),
        ("address already in use", "a fixed host port is taken"),
        ("invalid reference format", "the engine refuses the image reference"),
    ];

    /// <summary>The stall to report after a container of <paramref name="record"/> failed to start: a permanent failure
    /// counts from its second time in a row, so that a host port still held by a container being removed (a
    /// replacement during a rollout) is not taken for one held by something else.</summary>
    public static string? OnStartFailure(ReplicaRecord record, Exception? error)
    {
        var reason = Classify(error);
        record.PermanentStartFailures = reason is null ? 0 : record.PermanentStartFailures + 1;
        return record.PermanentStartFailures >= 2 ? reason : null;
    }

    /// <summary>The reason to report when <paramref name="error"/> is permanent, or <see langword="null"/>.</summary>
    public static string? Classify(Exception? error)
    {
        switch (error)
        {
            case null:
                return null;
            case ImageUnavailableException image:
                return image.Permanent ? image.Message : null;
        }

        for (var e = error; e is not null; e = e.InnerException)
        {
            foreach (var (marker, meaning) in StartMarkers)
            {
                if (e.Message.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return $"{meaning}: {error.Message}";
                }
            }
        }

        return null;
    }
}
