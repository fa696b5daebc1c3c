using System.Diagnostics;
using k8s;
using Orchestration.QuickStart;
using Orchestration.RealServers;

namespace Orchestration.Kubernetes.Tests;

/// <summary>The samples' own executables answer <c>kubernetes</c> with their fleet's manifests, without touching an
/// engine.</summary>
public sealed class SampleCommandLineTests
{
    [Theory]
    [InlineData("QuickStart")]
    [InlineData("RealServers")]
    public async Task The_sample_prints_the_manifests_of_its_fleet(string sample)
    {
        var fleet = sample == "QuickStart" ? QuickStartFleet.Build() : RealServersFleet.Build();
        var expected = KubernetesManifests.From(fleet);

        var (code, output, error) = await RunAsync($"{sample}.dll", "kubernetes");

        Assert.True(code == 0, $"exit code {code}: {error}");
        Assert.Equal(expected.ToYaml(), output);
        Assert.Equal(expected.Objects.Count, KubernetesYaml.LoadAllFromString(output).Count);
        Assert.All(expected.Warnings, w => Assert.Contains($"warning: {w}", error, StringComparison.Ordinal));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string assembly, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"exec {assembly} {arguments}")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {assembly}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assembly} {arguments} did not exit within 2 minutes");
        }

        return (process.ExitCode, await output, await error);
    }
}
