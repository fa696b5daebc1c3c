using Orchestration.Services;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Declares stable service addresses.</summary>
public static class ServiceAddressBuilderExtensions
{
    /// <summary>Gives <paramref name="port"/> of <paramref name="workload"/> a stable address on this machine from the
    /// host's start: an in-process TCP balancer over the ready replicas (see <see cref="IServiceAddresses"/>). Its
    /// settings are checked when the host starts; a bad one fails the start naming the field and the value.</summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="port">The port's name.</param>
    /// <param name="configure">Sets the host port, listen address, strategy and timeouts.</param>
    /// <returns>The same builder.</returns>
    public static IOrchestrationBuilder AddServiceAddress(this IOrchestrationBuilder builder, string workload, string port, Action<ServiceAddressOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(workload);
        ArgumentException.ThrowIfNullOrWhiteSpace(port);
        var options = new ServiceAddressOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton(new ServiceAddressRegistration(workload, port, options));
        return builder;
    }
}
