using System;
using System.Globalization;
using System.Linq;

namespace Orchestration.Generators.Rules;

/// <summary>A structural check of cron schedules at compile time: five fields (six with seconds first) or a macro,
/// the characters each field allows, and the range of plain numbers and names. The full parse is Cronos's, at run
/// time (the generator runs in the compiler and loads no other library). The check only rejects what Cronos rejects
/// too; the tests run both on the same inputs.</summary>
internal static class CronRules
{
    public const string FieldsHint = "use five fields (minute hour day-of-month month day-of-week), six with seconds first, or a macro such as \"@hourly\"";

    private static readonly string[] Macros =
    {
        "@every_second", "@every_minute", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually",
    };

    private static readonly string[] MonthNames = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };

    private static readonly string[] DayNames = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

    private static readonly Field Second = new("second", 0, 59, null, FieldKind.Plain);
    private static readonly Field Minute = new("minute", 0, 59, null, FieldKind.Plain);
    private static readonly Field Hour = new("hour", 0, 23, null, FieldKind.Plain);
    private static readonly Field DayOfMonth = new("day-of-month", 1, 31, null, FieldKind.DayOfMonth);
    private static readonly Field Month = new("month", 1, 12, MonthNames, FieldKind.Plain);
    private static readonly Field DayOfWeek = new("day-of-week", 0, 7, DayNames, FieldKind.DayOfWeek);

    private enum FieldKind
    {
        Plain,
        DayOfMonth,
        DayOfWeek,
    }

    /// <summary>Whether <paramref name="schedule"/> has the structure of a cron expression; <paramref name="error"/>
    /// says what is wrong otherwise.</summary>
    public static bool TryCheck(string? schedule, out string? error)
    {
        var text = schedule?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "it is empty; " + FieldsHint;
            return false;
        }

        if (text[0] == '@')
        {
            error = Macros.Contains(text, StringComparer.OrdinalIgnoreCase)
                ? null
                : $"'{text}' is not a macro: use one of {string.Join(", ", Macros)}";
            return error is null;
        }

        var parts = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        Field[] fields;
        switch (parts.Length)
        {
            case 5: fields = new[] { Minute, Hour, DayOfMonth, Month, DayOfWeek }; break;
            case 6: fields = new[] { Second, Minute, Hour, DayOfMonth, Month, DayOfWeek }; break;
            default:
                error = $"it has {parts.Length} field{(parts.Length == 1 ? string.Empty : "s")}; {FieldsHint}";
                return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            foreach (var item in parts[i].ToUpperInvariant().Split(','))
            {
                error = CheckItem(fields[i], item);
                if (error is not null)
                {
                    return false;
                }
            }
        }

        error = null;
        return true;
    }

    /// <summary>One element of a field's list: a value, a range or a step, or a special form of the day fields.</summary>
    private static string? CheckItem(Field field, string item)
    {
        if (item.Length == 0)
        {
            return $"the {field.Name} field has an empty list element";
        }

        if (field.Kind == FieldKind.DayOfMonth && item[0] == 'L')
        {
            // L, L-n, LW, L-nW: the last day, n days before it, or the weekday nearest to it.
            var rest = item.Substring(1);
            if (rest.EndsWith("W", StringComparison.Ordinal))
            {
                rest = rest.Substring(0, rest.Length - 1);
            }

            return rest.Length == 0 || (rest[0] == '-' && IsNumber(rest.Substring(1)))
                ? null
                : $"the {field.Name} field has '{item}'; the last day is written L, L-n, LW or L-nW";
        }

        if (field.Kind == FieldKind.DayOfMonth && item.Length > 1 && item[item.Length - 1] == 'W')
        {
            return CheckValue(field, item.Substring(0, item.Length - 1), item);
        }

        if (field.Kind == FieldKind.DayOfWeek && item.Length > 1 && item[item.Length - 1] == 'L')
        {
            return CheckValue(field, item.Substring(0, item.Length - 1), item);
        }

        if (field.Kind == FieldKind.DayOfWeek && item.IndexOf('#') is var hash and > 0)
        {
            return CheckValue(field, item.Substring(0, hash), item)
                   ?? (IsNumber(item.Substring(hash + 1)) ? null : $"the {field.Name} field has '{item}'; the n-th weekday is written day#n, such as 5#2");
        }

        var slash = item.IndexOf('/');
        var range = slash < 0 ? item : item.Substring(0, slash);
        if (slash >= 0 && !IsNumber(item.Substring(slash + 1)))
        {
            return $"the {field.Name} field has '{item}', whose step after '/' is not a number";
        }

        if (slash >= 0 && item.Substring(slash + 1).All(c => c == '0'))
        {
            return $"the {field.Name} field has '{item}', whose step after '/' is 0; a step is 1 or more";
        }

        if (range is "*" or "?")
        {
            return null;
        }

        if (range == "H")
        {
            return $"the {field.Name} field uses 'H' (jitter), which needs a seed that schedules do not have";
        }

        var dash = range.IndexOf('-');
        if (dash < 0)
        {
            return CheckValue(field, range, item);
        }

        return CheckValue(field, range.Substring(0, dash), item) ?? CheckValue(field, range.Substring(dash + 1), item);
    }

    /// <summary>A number in the field's range, or a name the field allows.</summary>
    private static string? CheckValue(Field field, string value, string item)
    {
        if (IsNumber(value))
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= field.Min && number <= field.Max
                ? null
                : $"the {field.Name} field has {value} in '{item}', outside {field.Min}-{field.Max}";
        }

        if (field.Names is not null && field.Names.Contains(value, StringComparer.Ordinal))
        {
            return null;
        }

        var allowed = field.Names is null ? "numbers" : $"numbers or the names {field.Names[0]}-{field.Names[field.Names.Length - 1]}";
        return $"the {field.Name} field has '{item}', where '{value}' is not a value: it takes {allowed}, '*', ranges (a-b), steps (/n) and lists (a,b)";
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(c => c >= '0' && c <= '9');

    private sealed class Field
    {
        public Field(string name, int min, int max, string[]? names, FieldKind kind)
        {
            Name = name;
            Min = min;
            Max = max;
            Names = names;
            Kind = kind;
        }

        public string Name { get; }

        public int Min { get; }

        public int Max { get; }

        public string[]? Names { get; }

        public FieldKind Kind { get; }
    }
}
