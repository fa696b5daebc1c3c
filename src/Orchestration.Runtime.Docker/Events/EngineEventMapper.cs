using System.Globalization;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Events;

/// <summary>Maps Docker's container events to runtime events; the replica and workload come from the container's
/// labels, which Docker copies into the event's attributes.</summary>
internal static class EngineEventMapper
{
    /// <summary>The container actions the watch asks the engine for.</summary>
    public static readonly string[] Actions = ["create", "start", "die", "oom", "destroy"];

    public static RuntimeEvent? Map(string node, Message message)
    {
        if (!string.Equals(message.Type, "container", StringComparison.Ordinal))
        {
            return null;
        }

        RuntimeEventKind? kind = message.Action switch
        {
            "create" => RuntimeEventKind.Created,
            "start" => RuntimeEventKind.Started,
            "die" => RuntimeEventKind.Died,
            "oom" => RuntimeEventKind.OutOfMemory,
            "destroy" => RuntimeEventKind.Destroyed,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var attributes = message.Actor?.Attributes ?? new Dictionary<string, string>();
        int? exitCode = attributes.TryGetValue("exitCode", out var code)
                        && int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
        return new RuntimeEvent
        {
            Kind = kind.Value,
            Node = node,
            ContainerId = message.Actor?.ID,
            ReplicaId = attributes.Find(OrchestrationLabels.Replica),
            Workload = attributes.Find(OrchestrationLabels.Workload),
            ExitCode = kind == RuntimeEventKind.Died ? exitCode : null,
            Time = Time(message),
        };
    }

    public static DateTimeOffset Time(Message message)
        => message.TimeNano is > 0 and long nanos
            ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100)
            : message.Time is > 0 and long seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;

    /// <summary>Docker's <c>since</c> value for a time: seconds and nanoseconds since the epoch.</summary>
    public static string Since(DateTimeOffset time)
    {
        var ticks = (time - DateTimeOffset.UnixEpoch).Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var nanos = ticks % TimeSpan.TicksPerSecond * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanos:D9}");
    }
}
