// Signatures laid down first so that every layer codes against them; the bodies are the Domain's.
namespace CarteValoise.Domain.Demarches;

/// <summary>The shapes of answers: a multi-choice's values one per line, an address on three lines.</summary>
public static class AnswerValues
{
    /// <summary>A document field answered at the counter: the agent saw the paper.</summary>
    public const string SeenAtCounter = "vu-au-guichet";

    public static IReadOnlyList<string> Lines(string? value) => throw new NotImplementedException();
    public static string JoinLines(IEnumerable<string> values) => throw new NotImplementedException();
    /// <summary>The key of a group item's field: «personnes[1].prenom».</summary>
    public static string ItemKey(string groupId, int index, string fieldId) => throw new NotImplementedException();
}

/// <summary>When a condition holds, and so which pages and fields are shown.</summary>
public static class FormConditions
{
    public static bool Holds(FieldCondition? condition, IReadOnlyDictionary<string, string> answers) => throw new NotImplementedException();
    public static IReadOnlyList<FormPage> ShownPages(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers) => throw new NotImplementedException();
}

/// <summary>Checks answers against the definition: each problem in French with its answer key.</summary>
public static class AnswerChecks
{
    /// <summary>One page's answers (a page hidden by its condition has none to give).</summary>
    public static IReadOnlyList<DemarcheProblem> CheckPage(DemarcheDefinition definition, string pageId, IReadOnlyDictionary<string, string> answers, AnswerContext context) => throw new NotImplementedException();
    /// <summary>Every shown page, for a submission: a page skipped is a problem «page:&lt;id&gt;» and its required fields'.</summary>
    public static IReadOnlyList<DemarcheProblem> CheckSubmission(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers, AnswerContext context) => throw new NotImplementedException();
    /// <summary>The answers of shown fields only, trimmed; unknown keys and hidden fields' answers dropped.</summary>
    public static IReadOnlyDictionary<string, string> Kept(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers) => throw new NotImplementedException();
}

/// <summary>A definition that holds together: ids unique, conditions on fields that exist before them, every state reachable…</summary>
public static class DefinitionChecks
{
    public static IReadOnlyList<DemarcheProblem> Problems(DemarcheDefinition definition) => throw new NotImplementedException();
}

/// <summary>The JSON file of a definition (export, import, and how versions are kept).</summary>
public static class DefinitionFile
{
    /// <summary>Reads and checks a file: <see cref="InvalidDemarcheException"/> (field «definition») for malformed JSON or a definition that does not hold.</summary>
    public static DemarcheDefinition Parse(string json) => throw new NotImplementedException();
    public static string Write(DemarcheDefinition definition) => throw new NotImplementedException();
}

/// <summary>Who may move a request, from where to where.</summary>
public static class WorkflowRules
{
    public static IReadOnlyList<WorkflowMove> MovesFor(Workflow workflow, string stateId, Actor actor) => throw new NotImplementedException();
    /// <summary>Null when the move is allowed; else why not, in French (unknown move, not from this state, not for this role, reason missing).</summary>
    public static string? Refusal(Workflow workflow, string stateId, string moveId, Actor actor, string? reason) => throw new NotImplementedException();
    /// <summary>When a request entering <paramref name="state"/> at <paramref name="since"/> is overdue; null without a deadline.</summary>
    public static DateTimeOffset? DueAt(WorkflowState state, DateTimeOffset since) => throw new NotImplementedException();
}

/// <summary>Median and percentiles of processing times (nearest rank).</summary>
public static class ProcessingTimes
{
    public static double Percentile(IReadOnlyList<double> sortedValues, double percentile) => throw new NotImplementedException();
}

/// <summary>Fills «{{key}}» in a template's text from values; an unknown key becomes empty.</summary>
public static class TemplateText
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) => throw new NotImplementedException();
}
