namespace Orchestration.Tests.Specs;

public class IntOrPercentTests
{
    [Theory]
    [InlineData("25%", 10, true, 3)]
    [InlineData("25%", 10, false, 2)]
    [InlineData("2", 10, true, 2)]
    [InlineData("100%", 4, false, 4)]
    public void Resolves_against_the_desired_count(string text, int total, bool roundUp, int expected)
        => Assert.Equal(expected, IntOrPercent.Parse(text).Resolve(total, roundUp));

    [Fact]
    public void Text_that_is_neither_count_nor_percentage_is_rejected_with_the_value_named()
    {
        var error = Assert.Throws<FormatException>(() => IntOrPercent.Parse("ten"));
        Assert.Contains("'ten'", error.Message);
    }

    [Fact]
    public void Round_trips_through_text()
    {
        Assert.Equal("25%", IntOrPercent.FromPercent(25).ToString());
        Assert.Equal("3", ((IntOrPercent)3).ToString());
    }
}
