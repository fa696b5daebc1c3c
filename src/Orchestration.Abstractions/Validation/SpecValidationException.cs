namespace Orchestration;

/// <summary>A spec or fleet is invalid. Lists every problem found, not only the first; nothing was applied.</summary>
public sealed class SpecValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public SpecValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in a stable order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string Format(IReadOnlyList<ValidationProblem> problems)
        => problems.Count == 1
            ? $"The spec is invalid: {problems[0]}"
            : $"The spec has {problems.Count} problems:{Environment.NewLine}" +
              string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"));
}
