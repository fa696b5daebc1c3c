using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Orchestration.Generators.Tests;

/// <summary>Compiles test sources against Orchestration.Abstractions, runs the generator on them with
/// <see cref="CSharpGeneratorDriver"/>, and loads the result.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "TypedWorkloads" + Guid.NewGuid().ToString("N"),
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new WorkloadGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="sources"/>.</summary>
    public static GeneratorOutcome Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutcome(driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Runs the generator on a source in which every expected diagnostic span is marked <c>[|…|]</c>, and
    /// returns the generator's diagnostics with the spans that were marked.</summary>
    public static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<TextSpan> Expected, string Source) RunMarked(string markedSource, params string[] others)
    {
        var expected = new List<TextSpan>();
        var source = new System.Text.StringBuilder();
        var start = -1;
        for (var i = 0; i < markedSource.Length; i++)
        {
            if (string.CompareOrdinal(markedSource, i, "[|", 0, 2) == 0)
            {
                start = source.Length;
                i++;
            }
            else if (string.CompareOrdinal(markedSource, i, "|]", 0, 2) == 0)
            {
                expected.Add(TextSpan.FromBounds(start, source.Length));
                i++;
            }
            else
            {
                source.Append(markedSource[i]);
            }
        }

        var text = source.ToString();
        var outcome = Run([text, .. others]);
        return (outcome.GeneratorDiagnostics, expected, text);
    }

    /// <summary>Emits the compilation and loads it, so generated specs can be read like any other.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>The spec of the generated workload class <paramref name="typeName"/>.</summary>
    public static WorkloadSpec Spec(Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var property = type.GetProperty("Spec", BindingFlags.Public | BindingFlags.Static)!;
        return (WorkloadSpec)property.GetValue(null)!;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(WorkloadSpec).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Compiler errors of the compilation with the generated sources added.</summary>
    public IReadOnlyList<Diagnostic> CompileErrors
        => [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    public string GeneratedSource(string hintNameStart)
        => Result.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath).StartsWith(hintNameStart, StringComparison.Ordinal)).ToString();
}
