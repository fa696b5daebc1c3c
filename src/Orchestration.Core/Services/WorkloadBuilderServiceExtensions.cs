namespace Orchestration.Services;

/// <summary>Builder methods for how dependants reach a workload.</summary>
public static class WorkloadBuilderServiceExtensions
{
    /// <summary>Declares the connection string dependants receive as <c>ConnectionStrings__{name}</c>, with
    /// <c>{host}</c>, <c>{port}</c> (the first port) and <c>{port:NAME}</c> replaced, such as
    /// <c>ConnectionString("{host}:{port:redis}")</c> or <c>ConnectionString("Host={host};Port={port}")</c>.</summary>
    /// <param name="builder">The workload's builder.</param>
    /// <param name="format">The format.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The format is empty.</exception>
    public static WorkloadBuilder ConnectionString(this WorkloadBuilder builder, string format)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        return builder.Configure(spec => spec with { ConnectionStringFormat = format });
    }
}
