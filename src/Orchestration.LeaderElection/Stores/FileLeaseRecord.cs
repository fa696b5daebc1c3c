using System.Text.Json;

namespace Orchestration.LeaderElection.Stores;

/// <summary>The file beside a file lease: term, leader and state as JSON, replaced atomically (written aside, then
/// renamed over), so a reader never sees half of it.</summary>
internal sealed class FileLeaseRecord(string path)
{
    public FileLeaseContent Read()
    {
        try
        {
            return JsonSerializer.Deserialize<FileLeaseContent>(File.ReadAllText(path)) ?? new FileLeaseContent(0, null, null);
        }
        catch (FileNotFoundException)
        {
            return new FileLeaseContent(0, null, null);
        }
    }

    public void Write(FileLeaseContent content)
    {
        var aside = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(aside, JsonSerializer.Serialize(content));
        File.Move(aside, path, overwrite: true);
    }
}

/// <summary>The content of a <see cref="FileLeaseRecord"/>.</summary>
internal sealed record FileLeaseContent(long Term, LeaderInfo? Leader, string? State);
