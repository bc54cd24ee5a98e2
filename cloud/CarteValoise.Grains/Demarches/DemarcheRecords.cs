using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Grains.Demarches;

public enum RequestChannel
{
    Online = 1,
    Kiosk = 2,
    Counter = 3,
}

/// <summary>One version of a commune's démarche, kept as its JSON file (<see cref="DefinitionFile"/>): versions never change once saved.</summary>
[GenerateSerializer, Immutable]
public sealed record DefinitionVersion(
    [property: Id(0)] string DemarcheId,
    [property: Id(1)] int Version,
    [property: Id(2)] string Json,
    [property: Id(3)] DateTimeOffset SavedAt,
    [property: Id(4)] string SavedBy);

/// <summary>A démarche of a commune's catalogue: its current version's headings, and whether citizens are offered it.</summary>
[GenerateSerializer, Immutable]
public sealed record CatalogueEntry(
    [property: Id(0)] string DemarcheId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Summary,
    [property: Id(3)] string Category,
    [property: Id(4)] int CurrentVersion,
    [property: Id(5)] bool Enabled,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string UpdatedBy);

/// <summary>
/// A draft of a citizen: the answers of the pages saved so far (each page checked when saved), under
/// the version it was started on.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DraftRecord(
    [property: Id(0)] string DraftId,
    [property: Id(1)] string CommuneCode,
    [property: Id(2)] string DemarcheId,
    [property: Id(3)] int Version,
    [property: Id(4)] string Title,
    [property: Id(5)] IReadOnlyDictionary<string, string> Answers,
    [property: Id(6)] IReadOnlyList<string> CompletedPages,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] int PageCount);

/// <summary>A request of the citizen, for their list (its state is read from the request itself).</summary>
[GenerateSerializer, Immutable]
public sealed record CitizenRequestLine(
    [property: Id(0)] string Reference,
    [property: Id(1)] string CommuneCode,
    [property: Id(2)] string DemarcheId,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset SubmittedAt);

/// <summary>
/// A request as filed: the answers (shown fields only), the frozen copies of its documents, who filed
/// it and through which channel. <see cref="SubmissionKey"/> is the filer's operation, so that the
/// same submission sent twice is one request. <see cref="CitizenAccountId"/> is empty for a counter
/// request of someone without an account.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestSubmission(
    [property: Id(0)] string Reference,
    [property: Id(1)] string SubmissionKey,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string DemarcheId,
    [property: Id(4)] int Version,
    [property: Id(5)] string Title,
    [property: Id(6)] string CitizenAccountId,
    [property: Id(7)] string CitizenName,
    [property: Id(8)] string CitizenEmail,
    [property: Id(9)] RequestChannel Channel,
    [property: Id(10)] string EnteredByAgentName,
    [property: Id(11)] IReadOnlyDictionary<string, string> Answers,
    [property: Id(12)] IReadOnlyList<SubmittedDocument> Documents,
    [property: Id(13)] DateTimeOffset SubmittedAt);

public enum TimelineKind
{
    Submitted = 1,
    Moved = 2,
    CitizenMessage = 3,
    AgentMessage = 4,
    /// <summary>An agent's note the citizen never sees.</summary>
    InternalNote = 5,
    Assigned = 6,
    DocumentGenerated = 7,
}

/// <summary>
/// One event of a request's life, in order. <see cref="Notice"/> says what the citizen is to be told
/// of it (the cloud mails those with <see cref="MoveNotice.Email"/> once, <see cref="IDemarcheRequestGrain.MarkNoticed"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TimelineRecord(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] TimelineKind Kind,
    [property: Id(3)] Actor Actor,
    [property: Id(4)] string ActorName,
    [property: Id(5)] string Text,
    [property: Id(6)] string? MoveId,
    [property: Id(7)] string? StateId,
    [property: Id(8)] IReadOnlyList<SubmittedDocument> Documents,
    [property: Id(9)] string? FileId,
    [property: Id(10)] MoveNotice Notice,
    [property: Id(11)] string OperationId)
{
    public bool Internal => Kind == TimelineKind.InternalNote;
}

/// <summary>A document the commune produced from a template (its PDF is in the document content store under <see cref="FileId"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record GeneratedFileRecord(
    [property: Id(0)] string FileId,
    [property: Id(1)] string TemplateId,
    [property: Id(2)] string Title,
    [property: Id(3)] string FileName,
    [property: Id(4)] DateTimeOffset GeneratedAt,
    [property: Id(5)] string GeneratedBy,
    [property: Id(6)] string OperationId);

/// <summary>A move asked of the request. <see cref="Documents"/> are frozen copies already (a citizen's complement).</summary>
[GenerateSerializer, Immutable]
public sealed record RequestMoveCommand(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string MoveId,
    [property: Id(2)] Actor Actor,
    [property: Id(3)] string ActorAccountId,
    [property: Id(4)] string ActorName,
    [property: Id(5)] string Reason,
    [property: Id(6)] IReadOnlyList<SubmittedDocument> Documents);

/// <summary>A message to the other side, or an agent's internal note.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestMessageCommand(
    [property: Id(0)] string OperationId,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] string ActorAccountId,
    [property: Id(3)] string ActorName,
    [property: Id(4)] string Text,
    [property: Id(5)] bool Internal,
    [property: Id(6)] IReadOnlyList<SubmittedDocument> Documents);

/// <summary>A request as it stands.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestView(
    [property: Id(0)] RequestSubmission Submission,
    [property: Id(1)] string StateId,
    [property: Id(2)] DateTimeOffset StateSince,
    [property: Id(3)] DateTimeOffset? DueAt,
    [property: Id(4)] string AssignedAgentId,
    [property: Id(5)] string AssignedAgentName,
    [property: Id(6)] IReadOnlyList<TimelineRecord> Timeline,
    [property: Id(7)] IReadOnlyList<GeneratedFileRecord> Generated,
    [property: Id(8)] DateTimeOffset? DecidedAt,
    [property: Id(9)] string DecidedBy,
    [property: Id(10)] string DecisionReason,
    [property: Id(11)] int NoticedThrough,
    [property: Id(12)] int Revision)
{
    public string Reference => Submission.Reference;
}

/// <summary>
/// A request as a line of its commune's queue: what the filters, the search and the statistics
/// read. <see cref="Revision"/> grows with each change, so that a late update never replaces a newer one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestSummary(
    [property: Id(0)] string Reference,
    [property: Id(1)] int Number,
    [property: Id(2)] string DemarcheId,
    [property: Id(3)] string Title,
    [property: Id(4)] string StateId,
    [property: Id(5)] string StateLabel,
    [property: Id(6)] StateKind StateKind,
    [property: Id(7)] DateTimeOffset SubmittedAt,
    [property: Id(8)] DateTimeOffset? DecidedAt,
    [property: Id(9)] DateTimeOffset? DueAt,
    [property: Id(10)] RequestChannel Channel,
    [property: Id(11)] string CitizenName,
    [property: Id(12)] string AssignedAgentId,
    [property: Id(13)] string AssignedAgentName,
    [property: Id(14)] int Revision);

/// <summary>
/// What an agent asks of the queue. <see cref="Assigned"/>: null anyone, "" unassigned, else an agent's
/// account id. <see cref="Search"/>: a reference, its number, or part of the citizen's name (accents and
/// case ignored). Days are Paris days of filing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QueueFilter(
    [property: Id(0)] string? DemarcheId,
    [property: Id(1)] string? StateId,
    [property: Id(2)] DateOnly? From,
    [property: Id(3)] DateOnly? To,
    [property: Id(4)] string? Assigned,
    [property: Id(5)] bool OverdueOnly,
    [property: Id(6)] string? Search,
    [property: Id(7)] bool InProgressOnly,
    [property: Id(8)] int Skip,
    [property: Id(9)] int Take);

/// <summary>One page of the queue, newest first, and how many lines the filter matched.</summary>
[GenerateSerializer, Immutable]
public sealed record QueuePage(
    [property: Id(0)] IReadOnlyList<RequestSummary> Lines,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyList<AgentChoice> Agents);

[GenerateSerializer, Immutable]
public sealed record AgentChoice([property: Id(0)] string AccountId, [property: Id(1)] string Name);

/// <summary>One démarche's figures over the requests filed between two days.</summary>
[GenerateSerializer, Immutable]
public sealed record DemarcheFigures(
    [property: Id(0)] string DemarcheId,
    [property: Id(1)] string Title,
    [property: Id(2)] int Received,
    [property: Id(3)] int InProgress,
    [property: Id(4)] int Decided,
    [property: Id(5)] double MedianDays,
    [property: Id(6)] double P90Days,
    [property: Id(7)] int Online,
    [property: Id(8)] int Kiosk,
    [property: Id(9)] int Counter,
    [property: Id(10)] IReadOnlyList<int> ReceivedPerMonth);

/// <summary>The statistics of a commune: its démarches' figures, and the months (first day) of the per-month counts.</summary>
[GenerateSerializer, Immutable]
public sealed record CommuneFigures(
    [property: Id(0)] IReadOnlyList<DateOnly> Months,
    [property: Id(1)] IReadOnlyList<DemarcheFigures> Demarches);
