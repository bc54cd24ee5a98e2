namespace CarteValoise.Domain.Canteen;

/// <summary>
/// Gathers the problems of a whole form: each part is built in turn, a part refused adds its
/// problems (prefixed with where it is in the form) and the check goes on with the next.
/// </summary>
internal sealed class RulesProblems
{
    private readonly List<string> _problems = [];

    public void Add(string problem) => _problems.Add(problem);

    /// <summary>The part, or null when it was refused (its problems noted).</summary>
    public T? Build<T>(Func<T> build, string? where = null) where T : class
    {
        try
        {
            return build();
        }
        catch (InvalidRulesException refused)
        {
            foreach (var problem in refused.Problems) Add(Where(where, problem));
        }
        catch (ArgumentException refused)
        {
            Add(Where(where, refused.Message));
        }
        return null;
    }

    public void ThrowIfAny() => InvalidRulesException.ThrowIfAny(_problems);

    // «Cantine, tarif hors commune : le tarif unique doit…»: the part's own sentence goes on after the colon.
    private static string Where(string? where, string problem)
    {
        if (where is null || problem.StartsWith(where, StringComparison.Ordinal)) return problem;
        var continued = problem.Length > 1 && char.IsUpper(problem[0]) && char.IsLower(problem[1])
            ? char.ToLowerInvariant(problem[0]) + problem[1..]
            : problem;
        return $"{where} : {continued}";
    }
}
