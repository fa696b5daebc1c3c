using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orchestration.AspNetCore.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_one_second_200_events_and_200_log_lines()
    {
        var options = new OrchestrationDashboardOptions();
        Assert.Equal(TimeSpan.FromSeconds(1), options.StatusInterval);
        Assert.Equal(200, options.RecentEvents);
        Assert.Equal(200, options.LogTail);
        Assert.Null(options.Title);
    }

    [Fact]
    public void Invalid_options_are_reported_together_naming_each_option_and_value()
    {
        using var services = new ServiceCollection()
            .AddOrchestrationDashboard(o =>
            {
                o.StatusInterval = TimeSpan.Zero;
                o.RecentEvents = -1;
                o.LogTail = -5;
            })
            .BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OrchestrationDashboardOptions>>().Value);
        Assert.Equal(
            [
                "OrchestrationDashboardOptions.StatusInterval must be positive; it is 00:00:00.",
                "OrchestrationDashboardOptions.RecentEvents must not be negative; it is -1.",
                "OrchestrationDashboardOptions.LogTail must not be negative; it is -5.",
            ],
            error.Failures);
    }
}
