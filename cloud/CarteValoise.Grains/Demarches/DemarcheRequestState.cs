using CarteValoise.Domain.Demarches;

namespace CarteValoise.Grains.Demarches;

[GenerateSerializer]
public sealed class DemarcheRequestState
{
    [Id(0)] public RequestSubmission? Submission { get; set; }
    [Id(1)] public string StateId { get; set; } = "";
    [Id(2)] public DateTimeOffset StateSince { get; set; }
    [Id(3)] public DateTimeOffset? DueAt { get; set; }
    [Id(4)] public string AssignedAgentId { get; set; } = "";
    [Id(5)] public string AssignedAgentName { get; set; } = "";
    [Id(6)] public List<TimelineRecord> Timeline { get; set; } = [];
    [Id(7)] public List<GeneratedFileRecord> Generated { get; set; } = [];
    [Id(8)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(9)] public string DecidedBy { get; set; } = "";
    [Id(10)] public string DecisionReason { get; set; } = "";
    [Id(11)] public int NoticedThrough { get; set; }
    [Id(12)] public int Revision { get; set; }

    /// <summary>What to put back when a write fails: the records are immutable, the lists are copied.</summary>
    public DemarcheRequestState Copy()
    {
        var copy = (DemarcheRequestState)MemberwiseClone();
        copy.Timeline = [.. Timeline];
        copy.Generated = [.. Generated];
        return copy;
    }

    public bool HasOperation(string operationId) => Timeline.Exists(entry => entry.OperationId == operationId);

    public RequestView View() => new(Submission!, StateId, StateSince, DueAt, AssignedAgentId, AssignedAgentName, [.. Timeline], [.. Generated],
        DecidedAt, DecidedBy, DecisionReason, NoticedThrough, Revision);

    public TimelineRecord Entry(DateTimeOffset at, TimelineKind kind, Actor actor, string actorName, string text, string operationId,
        MoveNotice notice = MoveNotice.None, string? moveId = null, string? stateId = null, IReadOnlyList<DocumentSafe.SubmittedDocument>? documents = null,
        string? fileId = null) =>
        new(Timeline.Count + 1, at, kind, actor, actorName, text, moveId, stateId, documents ?? [], fileId, notice, operationId);
}
