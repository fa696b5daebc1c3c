using Orchestration.Generators.Rules;

namespace Orchestration.Generators.Tests;

/// <summary>The generator's copies of the model's parsing and naming rules accept and reject the same inputs, with
/// the same values, as the runtime ones.</summary>
public sealed class RulesParityTests
{
    public static TheoryData<string> Quantities =>
    [
        "250m", "1", "1.5", "0.001", "0.0001", "0", "0m", "-1", "m", "", " ", " 2 ", "1e3", "1,5", "abc", "100Mi", "512Mi", "2Gi",
        "1G", "1k", "1K", "1Ki", "1Ti", "1T", "0.5Gi", "1048576", "1.5M", "Mi", "9223372036854775807", "9223372036854775808",
        "99999999999Ti", "3.3333", "1.0001m", "+1", "10Mb",
    ];

    public static TheoryData<string> Names =>
    [
        "a", "api", "orders-api", "a-", "-a", "A", "orders_api", "a.b", "", "123", "x1-2y",
        new string('a', 15), new string('a', 16), new string('a', 63), new string('a', 64),
    ];

    public static TheoryData<string> Images =>
    [
        "redis", "redis:7", "library/redis:7.2-alpine", "registry.example:5000/team/api:1.2", "Redis:7", "ghcr.io/a/b@sha256:0123456789abcdef0123456789abcdef",
        "a//b", ":tag", "redis:", "localhost/x", "UPPER.example.com/x/y", "x__y", "x___y", "x--y", "",
    ];

    [Theory]
    [MemberData(nameof(Quantities))]
    public void Cpu_quantities_parse_alike(string text)
    {
        var runtime = Orchestration.Quantity.TryParseCpuMillicores(text, out var expected);
        var generator = QuantityRules.TryParseCpuMillicores(text, out var actual);

        Assert.Equal((runtime, expected), (generator, actual));
    }

    [Theory]
    [MemberData(nameof(Quantities))]
    public void Memory_quantities_parse_alike(string text)
    {
        var runtime = Orchestration.Quantity.TryParseBytes(text, out var expected);
        var generator = QuantityRules.TryParseBytes(text, out var actual);

        Assert.Equal((runtime, expected), (generator, actual));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("25%")]
    [InlineData(" 0 ")]
    [InlineData("%")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("many")]
    [InlineData("")]
    public void Replica_budgets_parse_alike(string text)
    {
        IntOrPercent? runtime;
        try
        {
            runtime = IntOrPercent.Parse(text);
        }
        catch (FormatException)
        {
            runtime = null;
        }

        var generator = QuantityRules.TryParseIntOrPercent(text, out var value, out var isPercent)
            ? new IntOrPercent(value, isPercent)
            : (IntOrPercent?)null;

        Assert.Equal(runtime, generator);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Workload_and_port_names_are_judged_alike(string name)
    {
        var problems = Validate(new WorkloadBuilder(name).Image("redis:7").Port(name, 80).Env(name, "x"));

        Assert.Equal(!NameRules.IsDnsLabel(name), problems.Any(p => p.Path.EndsWith(".name", StringComparison.Ordinal) && !p.Path.Contains("ports", StringComparison.Ordinal)));
        Assert.Equal(!NameRules.IsPortName(name), problems.Any(p => p.Path.Contains(".ports[", StringComparison.Ordinal)));
        Assert.Equal(!NameRules.IsEnvironmentName(name), problems.Any(p => p.Path.EndsWith(".environment", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Image_references_are_judged_alike(string image)
    {
        var problems = Validate(new WorkloadBuilder("api").Image(image));

        Assert.Equal(!NameRules.IsImageReference(image), problems.Any(p => p.Path.EndsWith(".image", StringComparison.Ordinal)));
    }

    private static IReadOnlyList<ValidationProblem> Validate(WorkloadBuilder builder)
    {
        try
        {
            builder.Build();
            return [];
        }
        catch (SpecValidationException e)
        {
            return e.Problems;
        }
    }
}
