namespace Orchestration.Tests.Validation;

/// <summary>The two forms of the one escaping rule: how a problem prints a value and how Go's %q writes it (the form
/// in which an engine's message repeats a secret, so that it can be found and hidden).</summary>
public class EscapedTextTests
{
    [Fact]
    public void A_problem_escapes_control_characters_and_its_single_quote()
        => Assert.Equal(@"a\nb\tc\0d\\e\'f\u001bg\u2028""", EscapedText.ForProblem("a\nb\tc\0d\\e'f\u001bg\u2028\""));

    [Fact]
    public void A_problem_cuts_a_long_value_and_says_how_long_it_was()
    {
        var shown = EscapedText.ForProblem(new string('x', EscapedText.MaxProblemLength + 1));
        Assert.Equal(new string('x', EscapedText.MaxProblemLength) + $"… ({EscapedText.MaxProblemLength + 1} characters)", shown);
    }

    [Fact]
    public void The_go_form_writes_what_percent_q_writes()
        => Assert.Equal(@"a\nb\tc\x00d\\e'f\x1bg\""h\a\b\f\v\x7f", EscapedText.GoQuoted("a\nb\tc\0d\\e'f\u001bg\"h\a\b\f\v\u007f"));

    [Fact]
    public void The_go_form_is_not_cut()
        => Assert.Equal(300, EscapedText.GoQuoted(new string('x', 300)).Length);
}
