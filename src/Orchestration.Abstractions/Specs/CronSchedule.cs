using Cronos;

namespace Orchestration;

/// <summary>A cron job's schedule, parsed once by Cronos: five fields, or six with seconds first, and macros; read in
/// a time zone, daylight-saving changes included. The one parser of schedules, for validation and for the
/// controller.</summary>
internal sealed class CronSchedule
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
    }

    /// <summary>Parses <paramref name="spec"/>'s schedule; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(CronJobSpec spec, out CronSchedule? schedule, out string? error, out bool zoneError)
    {
        schedule = null;
        error = null;
        zoneError = false;
        var zone = TimeZoneInfo.Utc;
        if (spec.TimeZone is { } id && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
        {
            error = "is not a time zone this machine knows (an IANA id such as \"Europe/Paris\", or a Windows id)";
            zoneError = true;
            return false;
        }

        var text = spec.Schedule?.Trim() ?? string.Empty;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!CronExpression.TryParse(text, format, out var expression))
        {
            error = "is not a cron expression: use five fields (minute hour day-of-month month day-of-week), six with seconds first, or a macro such as \"@hourly\"";
            return false;
        }

        schedule = new CronSchedule(expression, zone!);
        return true;
    }

    /// <summary>Parses a schedule that validation accepted.</summary>
    public static CronSchedule Parse(CronJobSpec spec)
        => TryParse(spec, out var schedule, out var error, out _) ? schedule! : throw new FormatException($"Schedule '{spec.Schedule}' {error}");

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or <see langword="null"/> if none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, _zone);

    /// <summary>The occurrences in (<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset from, DateTimeOffset to)
        => _expression.GetOccurrences(from, to, _zone, fromInclusive: false, toInclusive: true);
}
