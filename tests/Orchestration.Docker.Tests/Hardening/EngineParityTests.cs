using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime.Docker;
using Orchestration.Runtime.Docker.Containers;
using Orchestration.TestSupport;
using Xunit.Abstractions;

namespace Orchestration.Docker.Tests.Hardening;

/// <summary>Validation against the real engine: generated specs, valid and invalid, are applied; every one the
/// orchestrator accepts must be created by the engine (create only, then removed), every one it refuses must be
/// refused with a field path. An accepted spec the engine then refuses fails the test with its seed and changes.</summary>
[Collection(DockerCollection.Name)]
public sealed class EngineParityTests(EngineFixture engine, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20_261_202;
    private const int Samples = 400;
    private const int MinimumCreated = 200;

    private readonly RuntimeScope _scope = new(engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        var volumes = await engine.Engine.Volumes.ListAsync(new VolumesListParameters());
        foreach (var volume in (volumes.Volumes ?? []).Where(v => v.Name.StartsWith(VolumePrefix, StringComparison.Ordinal)))
        {
            await engine.Engine.Volumes.RemoveAsync(volume.Name, force: true);
        }
    }

    private string VolumePrefix => $"{_scope.Fleet}-";

    [Fact]
    public async Task Every_spec_that_passes_validation_is_created_by_the_engine_and_every_other_is_refused_at_apply_with_a_field_path()
    {
        var random = new Random(Seed);
        var mutations = new SpecMutations(random, VolumePrefix);
        var services = new ServiceCollection().AddLogging();
        services.AddOrchestration(o => o.FleetName = _scope.Fleet).UseDocker();
        await using var provider = services.BuildServiceProvider();
        var orchestrator = provider.GetRequiredService<IOrchestrator>();
        var options = new DockerRuntimeOptions();
        var accepted = new List<(int Index, WorkloadSpec Spec, string Changes)>();
        int refused = 0, meantValid = 0, meantInvalid = 0;
        for (var i = 0; i < Samples; i++)
        {
            var spec = mutations.Next(RuntimeScope.Web($"w{i}"));
            (mutations.Valid ? ref meantValid : ref meantInvalid)++;
            var fleet = new FleetSpec { Name = _scope.Fleet, Workloads = [spec] };
            try
            {
                await orchestrator.ApplyAsync(fleet);
                accepted.Add((i, spec, mutations.Description));
                if (!mutations.Valid)
                {
                    // The generator's guess is not the rule: the validator and the engine decide. Shown for review.
                    output.WriteLine($"accepted though generated as invalid: {mutations.Description}");
                }
            }
            catch (SpecValidationException e)
            {
                refused++;
                Assert.NotEmpty(e.Problems);
                Assert.All(e.Problems, p => Assert.StartsWith($"workloads[\"w{i}\"]", p.Path, StringComparison.Ordinal));
                Assert.DoesNotContain(e.Message, c => char.IsControl(c) && c is not ('\n' or '\r'));
            }
        }

        var refusedByEngine = new List<string>();
        var created = 0;
        await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sample, ct) =>
        {
            var outcome = await CreateAsync(sample.Spec, options, ct);
            if (outcome is null)
            {
                Interlocked.Increment(ref created);
            }
            else
            {
                lock (refusedByEngine)
                {
                    refusedByEngine.Add($"sample {sample.Index} (seed {Seed}; {sample.Changes}): {outcome}");
                }
            }
        });

        output.WriteLine($"{Samples} specs (meant valid {meantValid}, invalid {meantInvalid}): accepted {accepted.Count}, created by the engine {created}, refused at apply {refused}");
        Assert.True(refusedByEngine.Count == 0, $"accepted at apply, then refused by the engine:\n{string.Join('\n', refusedByEngine)}");
        Assert.True(created >= MinimumCreated, $"only {created} specs were accepted and created; the sample must reach {MinimumCreated}");
        Assert.True(refused >= Samples / 4, $"only {refused} specs were refused; the generator must sample invalid specs too");
    }

    /// <summary>Creates (never starts) the container the runtime would create for <paramref name="spec"/> and removes
    /// it. <see langword="null"/> when the engine took it; for an image that is not on the engine, "No such image"
    /// also counts as taken (the engine parsed the reference and only lacks the image), any other refusal does not.</summary>
    private async Task<string?> CreateAsync(WorkloadSpec spec, DockerRuntimeOptions options, CancellationToken cancellationToken)
    {
        var launch = _scope.Launch(spec, "r0");
        var parameters = ContainerParameters.Create(launch, "bridge", options);
        try
        {
            var response = await engine.Engine.Containers.CreateContainerAsync(parameters, cancellationToken);
            await engine.Engine.Containers.RemoveContainerAsync(response.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken);
            return null;
        }
        catch (DockerImageNotFoundException) when (spec.Image != EngineFixture.Image)
        {
            return null;
        }
        catch (DockerApiException e)
        {
            return $"{(int)e.StatusCode} {e.ResponseBody}";
        }
    }
}
