namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A commune's rules that cannot be applied as entered. It carries every problem at once, so an
/// agent fixes the whole form in one go; the message joins them for callers that show one line.
/// </summary>
public sealed class InvalidRulesException(IReadOnlyList<string> problems) : ArgumentException(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    internal static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0) throw new InvalidRulesException(problems);
    }
}
