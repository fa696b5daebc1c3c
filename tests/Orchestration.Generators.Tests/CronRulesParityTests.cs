using Orchestration.Generators.Rules;

namespace Orchestration.Generators.Tests;

/// <summary>The compile-time structural check of cron schedules never rejects a schedule the run-time parser
/// (Cronos) accepts, and rejects the structural mistakes it is meant to catch, which Cronos rejects too.</summary>
public sealed class CronRulesParityTests
{
    public static TheoryData<string> Accepted =>
    [
        "* * * * *", "*/10 * * * * *", "0 3 * * *", "0  0 1 * *", " 0 0 * * 0 ", "30,45-15/2 1 * * *", "0 0 * * MON-FRI",
        "0 0 * * mon-fri", "0 0 1 JAN,jul *", "0 0 L * *", "0 0 L-1 * *", "0 0 3W * *", "0 0 LW * *", "0 0 L-5W * *",
        "0 0 * * 2L", "0 0 * * FRIL", "0 0 * * 6#3", "0 0 ? 1 MON#1", "0 0 5 * ?", "59 23 31 12 7", "0 0 * DEC-FEB *",
        "5/15 * * * *", "1-15/3 * * * *", "0 22-1 * * *", "*/5 0-59 0-23 1-31 1-12 0-7", "0\t0\t*\t*\t*",
        "0 0 * * 7L", "0 0 * * SUN#1", "0 0 * * MON/2", "*/59 * * * *", "0 0 ? * ?", "00 00 01 01 *",
        "@every_minute", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "@HOURLY",
    ];

    public static TheoryData<string> Rejected =>
    [
        "", " ", "*", "* * * *", "0 0 0 * * * *", "@often", "@", "60 * * * *", "0 24 * * *", "0 0 0 * *", "0 0 32 * *",
        "0 0 1 0 *", "0 0 1 13 *", "0 0 * * 8", "x * * * *", "0 0 * JANUARY *", "0 0 * * MONDAY", "0 0 * * MON-FUN",
        "*/x * * * *", "0,,5 * * * *", "0, * * * *", "H * * * *", "H/5 * * * *", "0 0 LX * *", "0 0 * * 5#x", "1-x * * * *",
        "0 0 * * * 60", "-1 * * * *", "0 0 * * SUN-SAT-MON", "0 0 1 JAN-FOO *",
        "*/0 * * * *", "0 0/00 * * *", "0 0 * * L", "0 0 1-5W * *", "*/5/2 * * * *", "0 0 * * 1#", "0 0 L- * *",
    ];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Schedules_Cronos_accepts_pass_the_check(string schedule)
    {
        Assert.Null(RuntimeScheduleProblem(schedule));
        Assert.True(CronRules.TryCheck(schedule, out var error), error);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Schedules_the_check_rejects_Cronos_rejects_too(string schedule)
    {
        Assert.False(CronRules.TryCheck(schedule, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.NotNull(RuntimeScheduleProblem(schedule));
    }

    /// <summary>What run-time validation says about the schedule, or null when it accepts it.</summary>
    private static string? RuntimeScheduleProblem(string schedule)
    {
        try
        {
            new WorkloadBuilder("job").Image("shop/job:1").CronJob(schedule).Build();
            return null;
        }
        catch (SpecValidationException e)
        {
            return e.Problems.SingleOrDefault(p => p.Path.EndsWith(".cronJob.schedule", StringComparison.Ordinal))?.ToString();
        }
    }
}
