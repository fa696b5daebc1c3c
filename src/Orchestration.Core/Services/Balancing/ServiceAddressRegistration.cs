namespace Orchestration.Services;

/// <summary>A service address declared with <c>AddServiceAddress</c>; it listens from the host's start.</summary>
internal sealed record ServiceAddressRegistration(string Workload, string Port, ServiceAddressOptions Options);
