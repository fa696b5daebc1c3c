using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Scheduling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds scheduler plugins.</summary>
public static class SchedulerBuilderExtensions
{
    /// <summary>Adds <typeparamref name="TPlugin"/>, a filter, a score plugin or both, to the scheduler. It is
    /// created once from the container and runs after the built-in plugins.</summary>
    public static IOrchestrationBuilder AddSchedulerPlugin<TPlugin>(this IOrchestrationBuilder builder)
        where TPlugin : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var isFilter = typeof(IFilterPlugin).IsAssignableFrom(typeof(TPlugin));
        var isScore = typeof(IScorePlugin).IsAssignableFrom(typeof(TPlugin));
        if (!isFilter && !isScore)
        {
            throw new ArgumentException($"{typeof(TPlugin).Name} implements neither {nameof(IFilterPlugin)} nor {nameof(IScorePlugin)}.", nameof(TPlugin));
        }

        builder.Services.TryAddSingleton<TPlugin>();
        if (isFilter)
        {
            builder.Services.AddSingleton(sp => (IFilterPlugin)sp.GetRequiredService<TPlugin>());
        }

        if (isScore)
        {
            builder.Services.AddSingleton(sp => (IScorePlugin)sp.GetRequiredService<TPlugin>());
        }

        return builder;
    }
}
