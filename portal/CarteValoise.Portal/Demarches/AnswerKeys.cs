namespace CarteValoise.Portal.Demarches;

/// <summary>
/// How answers are named, as the cloud names them: a field's id, «groupe[1].champ» for a group item's
/// field; and how the form's inputs are named after them (<c>reponses[clé]</c>) so that each of the
/// cloud's problems, given with its answer key, finds its input.
/// </summary>
public static class AnswerKeys
{
    /// <summary>A document field answered at the counter: the agent saw the paper (the cloud's word for it).</summary>
    public const string SeenAtCounter = "vu-au-guichet";

    public static string Item(string groupId, int index, string fieldId) => $"{groupId}[{index}].{fieldId}";

    /// <summary>The input's name: <c>reponses[nom]</c>, <c>reponses[personnes[1].prenom]</c>.</summary>
    public static string InputName(string key) => $"reponses[{key}]";

    /// <summary>The answer key of an input name, or null for another input.</summary>
    public static string? OfInputName(string name) =>
        name.StartsWith("reponses[", StringComparison.Ordinal) && name.EndsWith(']') && name.Length > "reponses[]".Length
            ? name["reponses[".Length..^1]
            : null;

    /// <summary>The lines of a multi-choice or an address answer.</summary>
    public static IReadOnlyList<string> Lines(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Replace("\r\n", "\n").Split('\n');
}
