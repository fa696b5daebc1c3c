using System.Globalization;
using System.Text.Json;

namespace Orchestration.Testing.Watchdog;

/// <summary>Where this machine's test processes keep track of reused fleets, one set of files per reuse key in a folder
/// under the temporary directory: <c>{key}.lock</c> (held while a process creates or adopts the fleet, so no process
/// sees it half-made), <c>{key}.json</c> (the fleet's name, engines and idle period, for the reaper),
/// <c>{key}.users/{session}</c> (one file per test process using it) and <c>{key}.used</c> (its time of last use).</summary>
internal static class ReuseDirectory
{
    /// <summary>The label a reused fleet's containers and networks carry instead of a session label: the reuse key.</summary>
    public const string ReuseLabel = "io.orchestration.reuse";

    /// <summary>The label carrying the hash of the spec the reused fleet was made from.</summary>
    public const string SpecHashLabel = "io.orchestration.reuse.spec";

    /// <summary>Overrides the folder, for tests.</summary>
    public const string PathVariable = "ORCHESTRATION_REUSE_DIR";

    public static string Root
        => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(Path.GetTempPath(), "orchestration-reuse");

    public static string LockFile(string key) => Path.Combine(Root, key + ".lock");

    public static string UsersFolder(string key) => Path.Combine(Root, key + ".users");

    public static string UsedFile(string key) => Path.Combine(Root, key + ".used");

    public static string DescriptionFile(string key) => Path.Combine(Root, key + ".json");

    /// <summary>Takes the key's lock, waiting while another process holds it. The lock is the open file: the operating
    /// system releases it when the holder ends, however it ends.</summary>
    public static async Task<FileStream> LockAsync(string key, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        while (true)
        {
            if (TryLock(key) is { } held)
            {
                return held;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the key's lock if it is free.</summary>
    public static FileStream? TryLock(string key)
    {
        Directory.CreateDirectory(Root);
        try
        {
            return new FileStream(LockFile(key), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void Describe(string key, ReusedFleetDescription description)
        => File.WriteAllText(DescriptionFile(key), JsonSerializer.Serialize(description));

    public static ReusedFleetDescription? ReadDescription(string key)
    {
        try
        {
            return JsonSerializer.Deserialize<ReusedFleetDescription>(File.ReadAllText(DescriptionFile(key)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="session"/> as a user of the key's fleet.</summary>
    public static void AddUser(string key, SessionLabel session)
    {
        Directory.CreateDirectory(UsersFolder(key));
        File.WriteAllText(Path.Combine(UsersFolder(key), FileNameOf(session)), session.ToString());
        MarkUsed(key);
    }

    /// <summary>Forgets <paramref name="session"/> as a user and records the time of last use.</summary>
    public static void RemoveUser(string key, SessionLabel session)
    {
        File.Delete(Path.Combine(UsersFolder(key), FileNameOf(session)));
        MarkUsed(key);
    }

    /// <summary>The users whose process still runs; files of dead ones are deleted.</summary>
    public static IReadOnlyList<SessionLabel> LiveUsers(string key)
    {
        var folder = UsersFolder(key);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var live = new List<SessionLabel>();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }

            if (SessionLabel.TryParse(text, out var user) && !user.IsDeadOnThisMachine)
            {
                live.Add(user);
            }
            else
            {
                File.Delete(file);
            }
        }

        return live;
    }

    public static void MarkUsed(string key)
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(UsedFile(key), DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
    }

    public static DateTimeOffset LastUsed(string key)
        => File.Exists(UsedFile(key)) ? File.GetLastWriteTimeUtc(UsedFile(key)) : DateTimeOffset.MinValue;

    /// <summary>The keys this machine knows of.</summary>
    public static IEnumerable<string> Keys
        => Directory.Exists(Root)
            ? Directory.EnumerateFiles(Root, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!)
            : [];

    /// <summary>Deletes the key's files, except the lock (held by the caller).</summary>
    public static void Forget(string key)
    {
        File.Delete(DescriptionFile(key));
        File.Delete(UsedFile(key));
        if (Directory.Exists(UsersFolder(key)))
        {
            Directory.Delete(UsersFolder(key), recursive: true);
        }
    }

    private static string FileNameOf(SessionLabel session) => session.ToString().Replace(':', '_');
}

/// <summary>What the reaper needs to know of a reused fleet.</summary>
internal sealed record ReusedFleetDescription(string Fleet, IReadOnlyList<string> Engines, double IdleSeconds);
