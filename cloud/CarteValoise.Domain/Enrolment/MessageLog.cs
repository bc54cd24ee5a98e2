namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// The errors and warnings of one import. A file of 20 000 wrong rows must not make a page of
/// 20 000 messages: past the limit only the counts go on.
/// </summary>
internal sealed class MessageLog(int limit)
{
    private readonly List<ImportMessage> _errors = [];
    private readonly List<ImportMessage> _warnings = [];

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public void Error(int? line, string? column, string problem)
    {
        ErrorCount++;
        if (_errors.Count < limit) _errors.Add(new ImportMessage(line, column, problem));
    }

    public void Warning(int? line, string? column, string problem)
    {
        WarningCount++;
        if (_warnings.Count < limit) _warnings.Add(new ImportMessage(line, column, problem));
    }

    /// <summary>In the order of the file; messages about the whole file first.</summary>
    public IReadOnlyList<ImportMessage> Errors => [.. _errors.OrderBy(m => m.Line ?? 0)];

    public IReadOnlyList<ImportMessage> Warnings => [.. _warnings.OrderBy(m => m.Line ?? 0)];
}
