using System.Text.Json;

namespace Orchestration.LeaderElection.Stores;

/// <summary>The leader record as stored (JSON): identity, term, since.</summary>
internal static class LeaderRecordJson
{
    public static string Write(LeaderInfo leader) => JsonSerializer.Serialize(leader);

    public static LeaderInfo? Read(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<LeaderInfo>(json);
}
