namespace CarteValoise.Domain.Demarches;

/// <summary>
/// One French problem of a form or a definition, and what it is about: an answer key («nom»,
/// «personnes[1].prenom»), «page:&lt;id&gt;» for a whole page, «definition» for a definition file.
/// </summary>
public sealed record DemarcheProblem(string Field, string Message);

/// <summary>A form or a definition that does not hold: every problem at once, nothing saved.</summary>
public sealed class InvalidDemarcheException(IReadOnlyList<DemarcheProblem> problems)
    : Exception(string.Join("\n", problems.Select(problem => problem.Message)))
{
    public IReadOnlyList<DemarcheProblem> Problems { get; } = problems;

    public static void ThrowIfAny(IReadOnlyList<DemarcheProblem> problems)
    {
        if (problems.Count > 0) throw new InvalidDemarcheException(problems);
    }
}
