namespace Orchestration.Tests.Specs;

public class QuantityTests
{
    [Theory]
    [InlineData("250m", 250)]
    [InlineData("1.5", 1500)]
    [InlineData("2", 2000)]
    [InlineData("0.1", 100)]
    [InlineData(" 500m ", 500)]
    public void Cpu_quantities_parse_to_millicores(string text, long expected)
        => Assert.Equal(expected, Quantity.ParseCpuMillicores(text));

    [Theory]
    [InlineData("512Mi", 512L * 1024 * 1024)]
    [InlineData("2Gi", 2L * 1024 * 1024 * 1024)]
    [InlineData("1.5Gi", 3L * 512 * 1024 * 1024)]
    [InlineData("100M", 100_000_000L)]
    [InlineData("1k", 1000L)]
    [InlineData("64Ki", 65536L)]
    [InlineData("1048576", 1048576L)]
    public void Memory_quantities_parse_to_bytes(string text, long expected)
        => Assert.Equal(expected, Quantity.ParseBytes(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5.5")]
    [InlineData("0")]
    [InlineData("0.0001")]
    [InlineData("250x")]
    [InlineData("")]
    public void Bad_cpu_quantities_are_rejected_with_the_value_named(string text)
    {
        var error = Assert.Throws<FormatException>(() => Quantity.ParseCpuMillicores(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData("12Qi")]
    [InlineData("Mi")]
    [InlineData("-5Mi")]
    [InlineData("lots")]
    [InlineData("0")]
    public void Bad_memory_quantities_are_rejected_with_the_value_named(string text)
    {
        var error = Assert.Throws<FormatException>(() => Quantity.ParseBytes(text));
        Assert.Contains($"'{text}'", error.Message);
    }
}
