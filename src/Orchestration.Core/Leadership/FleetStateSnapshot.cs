using System.Text.Json;

namespace Orchestration.Leadership;

/// <summary>The control plane's state at one moment, as one opaque, versioned JSON document: what a leader keeps in
/// its lease store so the next leader (and every follower) continues from it. What it holds is the orchestrator's
/// business (today the desired fleet, every workload's revision history with its rollout state, and each cron job's
/// last schedule time); a store only keeps the text of <see cref="ToJson"/> and gives it back to
/// <see cref="FromJson"/>. Produced by <see cref="IFleetStateHandover.Capture"/>.</summary>
public sealed class FleetStateSnapshot
{
    private readonly string _json;

    internal FleetStateSnapshot(FleetStateDocument document, string json)
    {
        Document = document;
        _json = json;
    }

    /// <summary>The state the document holds.</summary>
    internal FleetStateDocument Document { get; }

    /// <summary>Reads a snapshot from the text <see cref="ToJson"/> produced.</summary>
    /// <param name="json">The snapshot's JSON document.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException"><paramref name="json"/> is not a fleet state snapshot, or one of a version
    /// this orchestrator does not read.</exception>
    public static FleetStateSnapshot FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        FleetStateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<FleetStateDocument>(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The fleet state snapshot is not a JSON fleet state document: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new FormatException("The fleet state snapshot is the JSON value null, not a fleet state document.");
        }

        if (document.Version != FleetStateDocument.CurrentVersion)
        {
            throw new FormatException(
                $"The fleet state snapshot's Version is {document.Version}; this orchestrator reads version {FleetStateDocument.CurrentVersion} only.");
        }

        return new FleetStateSnapshot(document, json);
    }

    /// <summary>The snapshot as a JSON document, for a store to keep as it is.</summary>
    /// <returns>The JSON text; equal snapshots give equal text.</returns>
    public string ToJson() => _json;
}
