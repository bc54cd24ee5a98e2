namespace CarteValoise.Domain.Demarches;

/// <summary>
/// What answers are checked against besides the definition: today (Paris) for date rules, the
/// citizen's children (child id → name) for child fields, the safe's documents (document id → type
/// code) for document fields; at the counter a document field may be answered
/// <see cref="AnswerValues.SeenAtCounter"/>.
/// </summary>
public sealed record AnswerContext(
    DateOnly Today,
    IReadOnlyDictionary<string, string> Children,
    IReadOnlyDictionary<string, string> DocumentTypes,
    bool AtCounter = false);
