namespace CarteValoise.Domain.Demarches;

/// <summary>
/// A démarche as a commune offers it: a versioned definition, data and not code, that an
/// administrator edits (each save is a new version; a request keeps the version it was filed
/// under, so editing never changes a request already submitted) and can export and import as a
/// JSON file (<see cref="DefinitionFile"/>) to share it between communes.
/// </summary>
/// <param name="Id">A slug, stable across versions and communes: «acte-naissance».</param>
/// <param name="Version">1, 2…: given by the commune's catalogue at each save; ignored in an imported file.</param>
/// <param name="Category">A heading of the catalogue: «État civil», «Enfance», «Urbanisme», «Vie locale».</param>
/// <param name="Pages">The form, page after page; a page with a condition is shown (and checked) only when it holds.</param>
/// <param name="Workflow">The states a request goes through and the moves between them.</param>
/// <param name="Templates">The documents an agent generates (PDF), e.g. the copie d'acte or the decision.</param>
/// <param name="ProcessingDays">The delay announced to the citizen at submission (calendar days).</param>
public sealed record DemarcheDefinition(
    string Id,
    int Version,
    string Title,
    string Summary,
    string Category,
    IReadOnlyList<FormPage> Pages,
    Workflow Workflow,
    IReadOnlyList<DocumentTemplate> Templates,
    int ProcessingDays)
{
    /// <summary>Every field of every page, groups' own fields included, in the order of the form.</summary>
    public IEnumerable<FormField> AllFields() =>
        Pages.SelectMany(page => page.Fields).SelectMany(field => field.Fields is { Count: > 0 } inner ? inner.Prepend(field) : [field]);

    /// <summary>The document types the form asks for (a document field each), for the «pièces à fournir» list.</summary>
    public IEnumerable<FormField> RequiredDocuments() => AllFields().Where(field => field.Kind == FieldKind.Document);
}

/// <param name="Id">Unique in the definition: «demandeur».</param>
public sealed record FormPage(string Id, string Title, string Help, FieldCondition? Condition, IReadOnlyList<FormField> Fields);

public enum FieldKind
{
    Text,
    /// <summary>Several lines of text.</summary>
    LongText,
    Number,
    Date,
    /// <summary>One of <see cref="FormField.Options"/>.</summary>
    Choice,
    /// <summary>Any of <see cref="FormField.Options"/>, at least one when required.</summary>
    MultiChoice,
    /// <summary>A postal address: street, postal code and city, one answer of three lines.</summary>
    Address,
    Email,
    Phone,
    /// <summary>A child of the citizen's family dossier, by its child id.</summary>
    Child,
    /// <summary>A repeated group of <see cref="FormField.Fields"/> (e.g. each person attending), between MinItems and MaxItems times.</summary>
    Group,
    /// <summary>A document of the citizen's safe, of <see cref="FormField.DocumentType"/>, by its document id.</summary>
    Document,
}

/// <summary>
/// One question of the form. Ids are unique in the definition (groups' fields included); an answer
/// is kept under the field's id, or «groupe[0].champ» for the first item of a group.
/// </summary>
/// <param name="Prefill">A key of the household prefill («demandeur.nom», «adresse.ville»…) whose value fills the field at first.</param>
/// <param name="Rule">Bounds and pattern, checked at each page and again at submission.</param>
/// <param name="DocumentType">For a document field: the safe's type code («justificatif-domicile», «piece-identite»…).</param>
/// <param name="Fields">For a group: its fields (no group in a group).</param>
public sealed record FormField(
    string Id,
    string Label,
    FieldKind Kind,
    bool Required = false,
    string Help = "",
    IReadOnlyList<ChoiceOption>? Options = null,
    FieldRule? Rule = null,
    FieldCondition? Condition = null,
    string? Prefill = null,
    string? DocumentType = null,
    IReadOnlyList<FormField>? Fields = null,
    int MinItems = 0,
    int MaxItems = 10);

/// <param name="Value">What is stored: a slug («copie-integrale»).</param>
/// <param name="Label">What the citizen reads: «Copie intégrale».</param>
public sealed record ChoiceOption(string Value, string Label);

/// <summary>
/// The bounds a field's answer keeps: a number between Min and Max; a text of MinLength to MaxLength
/// characters matching Pattern (told with PatternMessage); a date between today + MinDays and today +
/// MaxDays (negative: in the past).
/// </summary>
public sealed record FieldRule(
    decimal? Min = null,
    decimal? Max = null,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? PatternMessage = null,
    int? MinDays = null,
    int? MaxDays = null);

public enum ConditionOperator
{
    /// <summary>The answer is one of Values (for a multi-choice: one of its choices is).</summary>
    Equals,
    /// <summary>The answer is none of Values.</summary>
    NotEquals,
    /// <summary>The field has an answer.</summary>
    Filled,
    /// <summary>The field has no answer.</summary>
    Empty,
}

/// <summary>Shows a page or a field only when another field's answer holds: «filiation» only for a copie intégrale.</summary>
public sealed record FieldCondition(string FieldId, ConditionOperator Operator, IReadOnlyList<string>? Values = null);

public enum StateKind
{
    /// <summary>With the commune: an agent acts.</summary>
    Open,
    /// <summary>With the citizen: a complement is awaited; the deadline clock is the citizen's.</summary>
    AwaitingCitizen,
    /// <summary>Ended in the citizen's favour (accepted, document delivered).</summary>
    Accepted,
    /// <summary>Ended against (refused, with a reason).</summary>
    Refused,
    /// <summary>Ended otherwise (withdrawn by the citizen).</summary>
    Closed,
}

/// <param name="DeadlineDays">Calendar days a request may stay in this state before it is overdue; null: no deadline.</param>
public sealed record WorkflowState(string Id, string Label, StateKind Kind, int? DeadlineDays = null);

public enum Actor
{
    Citizen,
    Agent,
    /// <summary>The platform itself (a deadline passed); never a person.</summary>
    System,
}

/// <summary>What a move tells the citizen.</summary>
public enum MoveNotice
{
    None,
    /// <summary>A message in the request's timeline.</summary>
    Message,
    /// <summary>A message in the timeline and an email.</summary>
    Email,
}

/// <summary>
/// A move a role may make, from any of From to To. A move that needs a reason (a refusal, a
/// complement asked) is refused without one; a move with a Template generates that document.
/// </summary>
/// <param name="Notice">What the citizen is told; <paramref name="NoticeText"/> is its text, «{{reference}}», «{{titre}}», «{{motif}}» and any field id in double braces replaced.</param>
public sealed record WorkflowMove(
    string Id,
    string Label,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<Actor> Actors,
    bool RequiresReason = false,
    MoveNotice Notice = MoveNotice.None,
    string NoticeText = "",
    string? Template = null);

/// <param name="Initial">The state of a request just submitted.</param>
public sealed record Workflow(string Initial, IReadOnlyList<WorkflowState> States, IReadOnlyList<WorkflowMove> Moves)
{
    public WorkflowState? State(string id) => States.FirstOrDefault(state => state.Id == id);
    public WorkflowMove? Move(string id) => Moves.FirstOrDefault(move => move.Id == id);
}

/// <summary>A document the commune produces from the request: a title and a body whose «{{champ}}» are the answers.</summary>
public sealed record DocumentTemplate(string Id, string Title, string Body);

public static class StateKinds
{
    public static bool IsFinal(this StateKind kind) => kind is StateKind.Accepted or StateKind.Refused or StateKind.Closed;
}
