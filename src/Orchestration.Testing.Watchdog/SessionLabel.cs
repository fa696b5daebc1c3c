using System.Diagnostics;
using System.Globalization;

namespace Orchestration.Testing.Watchdog;

/// <summary>The label that ties every container and network of a test session to the process that created it:
/// <c>io.orchestration.session={host}:{pid}:{start}</c>, where start is the process's start time in UTC ticks. A session
/// whose host is this machine and whose process is gone (or whose pid now belongs to a process started at another
/// time) is dead, and what carries its label may be removed.</summary>
internal readonly record struct SessionLabel(string Host, int ProcessId, long StartTicks)
{
    /// <summary>The label key.</summary>
    public const string Key = "io.orchestration.session";

    // Start times read from /proc have a resolution of a clock tick; allow for rounding between readers.
    private static readonly long StartTolerance = TimeSpan.FromSeconds(1).Ticks;

    /// <summary>The session of the current process.</summary>
    public static SessionLabel Current { get; } = Of(Environment.ProcessId) ?? new(Environment.MachineName, Environment.ProcessId, 0);

    /// <summary>The session a process on this machine would have, or <see langword="null"/> if it is not running.</summary>
    public static SessionLabel? Of(int processId)
        => StartTicksOf(processId) is { } ticks ? new SessionLabel(Environment.MachineName, processId, ticks) : null;

    /// <summary>Reads a label value; <see langword="false"/> for values this format does not describe.</summary>
    public static bool TryParse(string? value, out SessionLabel session)
    {
        session = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var last = value.LastIndexOf(':');
        var middle = last > 0 ? value.LastIndexOf(':', last - 1) : -1;
        if (middle <= 0
            || !int.TryParse(value.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(value.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        session = new SessionLabel(value[..middle], pid, ticks);
        return true;
    }

    /// <summary>Whether the session belongs to this machine and its process no longer runs.</summary>
    public bool IsDeadOnThisMachine
    {
        get
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return StartTicksOf(ProcessId) is not { } running || Math.Abs(running - StartTicks) > StartTolerance;
        }
    }

    /// <summary>Whether the session's process still runs (same pid, same start time).</summary>
    public bool IsAlive => StartTicksOf(ProcessId) is { } running && Math.Abs(running - StartTicks) <= StartTolerance;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{ProcessId}:{StartTicks}");

    private static long? StartTicksOf(int processId)
    {
        if (IsZombie(processId))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    // A killed process whose parent has not reaped it yet still has a pid; on Linux its state is 'Z'.
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
