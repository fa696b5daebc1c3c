using System.Net;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Rules;

namespace Orchestration.Runtime.Docker.DependencyInjection;

/// <summary>Checks <see cref="DockerRuntimeOptions"/> when the host starts, reporting every bad value by option name.</summary>
internal sealed class DockerRuntimeOptionsValidator : IValidateOptions<DockerRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, DockerRuntimeOptions options)
    {
        var failures = new List<string>();
        const string at = nameof(DockerRuntimeOptions);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Nodes.Count; i++)
        {
            ValidateNode(options.Nodes[i], $"{at}.Nodes[{i}]", names, failures);
        }

        if (!IPAddress.TryParse(options.PublishAddress, out _))
        {
            failures.Add($"{at}.PublishAddress: '{options.PublishAddress}' must be an IP address, such as \"127.0.0.1\" or \"0.0.0.0\".");
        }

        if (string.IsNullOrEmpty(options.NetworkPrefix) || !options.NetworkPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"{at}.NetworkPrefix: '{options.NetworkPrefix}' must be non-empty letters, digits, '-', '_' or '.'.");
        }

        Positive(options.CallTimeout, $"{at}.CallTimeout", failures);
        Positive(options.PingInterval, $"{at}.PingInterval", failures);
        Positive(options.PingTimeout, $"{at}.PingTimeout", failures);
        Positive(options.ReconnectDelay, $"{at}.ReconnectDelay", failures);
        Positive(options.PullTimeout, $"{at}.PullTimeout", failures);
        Positive(options.BuildTimeout, $"{at}.BuildTimeout", failures);
        Positive(options.CircuitBreakDuration, $"{at}.CircuitBreakDuration", failures);
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{at}.RetryBaseDelay: '{options.RetryBaseDelay}' must not be negative.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{at}.MaxRetryAttempts: '{options.MaxRetryAttempts}' must be between 0 and 10.");
        }

        for (var i = 0; i < options.RegistryCredentials.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.RegistryCredentials[i].Registry))
            {
                failures.Add($"{at}.RegistryCredentials[{i}].Registry: '{options.RegistryCredentials[i].Registry}' must name a registry host, such as \"registry.example:5000\".");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateNode(DockerNodeOptions node, string at, HashSet<string> names, List<string> failures)
    {
        if (node.PublishAddress is { } publish && !IPAddress.TryParse(publish, out _))
        {
            failures.Add($"{at}.PublishAddress: '{publish}' must be an IP address, such as \"127.0.0.1\" or \"0.0.0.0\".");
        }

        if (!NameRules.IsDnsLabel(node.Name))
        {
            failures.Add($"{at}.Name: '{node.Name}' must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit.");
        }
        else if (!names.Add(node.Name))
        {
            failures.Add($"{at}.Name: '{node.Name}' is used by another node; node names must be unique.");
        }

        if (node.Endpoint is { } endpoint && !EngineAddressRules.IsValidEndpoint(endpoint))
        {
            failures.Add($"{at}.Endpoint: '{endpoint}' must be an absolute URI with scheme unix, tcp, http, https or npipe, such as \"unix:///var/run/docker.sock\" or \"tcp://host:2376\".");
        }

        if (node.TlsCertificateDirectory is { } directory
            && (!File.Exists(Path.Combine(directory, "cert.pem")) || !File.Exists(Path.Combine(directory, "key.pem"))))
        {
            failures.Add($"{at}.TlsCertificateDirectory: '{directory}' must contain cert.pem and key.pem (and ca.pem to verify the engine).");
        }

        if (node.CpuMillicores is <= 0)
        {
            failures.Add($"{at}.CpuMillicores: '{node.CpuMillicores}' must be positive.");
        }

        if (node.MemoryBytes is <= 0)
        {
            failures.Add($"{at}.MemoryBytes: '{node.MemoryBytes}' must be positive.");
        }

        if (node.ApiVersion is { } version
            && (!EngineAddressRules.TryParseApiVersion(version, out var parsed) || parsed < DockerRuntimeDefaults.MinimumApiVersion || parsed > DockerRuntimeDefaults.MaximumApiVersion))
        {
            failures.Add($"{at}.ApiVersion: '{version}' must be an API version from {DockerRuntimeDefaults.MinimumApiVersion} to {DockerRuntimeDefaults.MaximumApiVersion}, such as \"1.41\".");
        }
    }

    private static void Positive(TimeSpan value, string option, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{option}: '{value}' must be positive.");
        }
    }
}
