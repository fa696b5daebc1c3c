using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Orchestration.Generators.Tests;

/// <summary>The pipeline serves unrelated edits from its cache, and still notices relevant ones.</summary>
public sealed class CachingTests
{
    private const string Workloads = """
        using Orchestration;
        namespace Shop;
        [Workload("db", Image = "postgres:17")]
        [Port("pg", 5432)]
        public partial class Db;
        [Workload("api", Image = "shop/api:1", Replicas = 2)]
        [DependsOn<Db>]
        public partial class Api;
        """;

    private const string Unrelated = """
        namespace Shop;
        public static class Pricing
        {
            public static decimal Net(decimal gross) => gross / 1.2m;
        }
        """;

    private static readonly string[] TrackedSteps = ["Workloads", "Diagnostics", "Emittable", "GraphNodes", "Cycles"];

    [Fact]
    public void Unrelated_edit_leaves_every_step_and_output_cached()
    {
        var (driver, compilation) = FirstRun();
        var edited = ReplaceTree(compilation, 1, Unrelated.Replace("1.2m", "1.25m", StringComparison.Ordinal) + "\npublic class Added;\n");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.All(
                result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} reported {output.Reason}"));
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Edit_above_a_workload_class_in_its_own_file_re_runs_no_emitter_step()
    {
        var (driver, compilation) = FirstRun();

        // Moves both classes down two lines: every source location in the parsed models changes, nothing else does.
        var edited = ReplaceTree(compilation, 0, "// Shop's fleet.\nusing System;\n" + Workloads);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps["Workloads"].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(
            result.TrackedSteps["Emittable"].SelectMany(s => s.Outputs),
            output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"the emitter's input reported {output.Reason}"));
        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Relevant_edit_is_seen()
    {
        var (driver, compilation) = FirstRun();
        var edited = ReplaceTree(compilation, 0, Workloads.Replace("Replicas = 2", "Replicas = 3", StringComparison.Ordinal));

        var run = driver.RunGenerators(edited).GetRunResult();
        var result = run.Results.Single();

        Assert.Contains(result.TrackedSteps["Workloads"].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Replicas = 3,", run.GeneratedTrees.Single(t => t.FilePath.EndsWith("Shop.Api.Workload.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(Workloads, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static Compilation ReplaceTree(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }
}
