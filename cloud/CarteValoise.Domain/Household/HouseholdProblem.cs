namespace CarteValoise.Domain.Household;

/// <summary>
/// One thing wrong with what a citizen or an agent entered, in French, with the form field it is
/// about (<see cref="DossierFields"/>; empty for the form as a whole), so that a page shows it next to
/// that field and in its error summary.
/// </summary>
public sealed record HouseholdProblem(string Field, string Message);

/// <summary>What was entered cannot be kept: every problem at once, nothing changed.</summary>
public sealed class InvalidHouseholdException(IReadOnlyList<HouseholdProblem> problems)
    : ArgumentException(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<HouseholdProblem> Problems { get; } = problems;

    public static void ThrowIfAny(IReadOnlyList<HouseholdProblem> problems)
    {
        if (problems.Count > 0) throw new InvalidHouseholdException(problems);
    }
}
