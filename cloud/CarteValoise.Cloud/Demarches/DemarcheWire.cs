using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.DocumentSafe;
using Google.Protobuf.WellKnownTypes;
using D = CarteValoise.Domain.Demarches;
using G = CarteValoise.Grains.Demarches;
using W = CarteValoise.Contracts.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>Definitions and requests as demarches.proto carries them.</summary>
public static class DemarcheWire
{
    public static W.RequestChannel Channel(G.RequestChannel channel) => channel switch
    {
        G.RequestChannel.Online => W.RequestChannel.Online,
        G.RequestChannel.Kiosk => W.RequestChannel.Kiosk,
        G.RequestChannel.Counter => W.RequestChannel.Counter,
        _ => W.RequestChannel.Unspecified,
    };

    /// <summary>«en ligne», «à une borne», «au guichet».</summary>
    public static string ChannelWords(G.RequestChannel channel) => channel switch
    {
        G.RequestChannel.Kiosk => "à une borne",
        G.RequestChannel.Counter => "au guichet",
        _ => "en ligne",
    };

    public static W.StateKind Kind(D.StateKind kind) => kind switch
    {
        D.StateKind.Open => W.StateKind.Open,
        D.StateKind.AwaitingCitizen => W.StateKind.AwaitingCitizen,
        D.StateKind.Accepted => W.StateKind.Accepted,
        D.StateKind.Refused => W.StateKind.Refused,
        D.StateKind.Closed => W.StateKind.Closed,
        _ => W.StateKind.Unspecified,
    };

    public static W.FieldKind Kind(D.FieldKind kind) => kind switch
    {
        D.FieldKind.Text => W.FieldKind.Text,
        D.FieldKind.LongText => W.FieldKind.LongText,
        D.FieldKind.Number => W.FieldKind.Number,
        D.FieldKind.Date => W.FieldKind.Date,
        D.FieldKind.Choice => W.FieldKind.Choice,
        D.FieldKind.MultiChoice => W.FieldKind.MultiChoice,
        D.FieldKind.Address => W.FieldKind.Address,
        D.FieldKind.Email => W.FieldKind.Email,
        D.FieldKind.Phone => W.FieldKind.Phone,
        D.FieldKind.Child => W.FieldKind.Child,
        D.FieldKind.Group => W.FieldKind.Group,
        D.FieldKind.Document => W.FieldKind.Document,
        _ => W.FieldKind.Unspecified,
    };

    public static Timestamp Time(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    /// <summary>The label of a document type code: the safe's own, else the code as written in the definition.</summary>
    public static string DocumentTypeLabel(string? code) => Domain.Documents.DocumentKinds.Find(code)?.Label ?? code ?? "";

    public static W.FormDefinition Form(D.DemarcheDefinition definition, DateOnly today)
    {
        var form = new W.FormDefinition
        {
            DemarcheId = definition.Id,
            Version = definition.Version,
            Title = definition.Title,
            Summary = definition.Summary,
            Category = definition.Category,
            ProcessingDays = definition.ProcessingDays,
        };
        form.Pages.AddRange(definition.Pages.Select(page =>
        {
            var wire = new W.FormPage { PageId = page.Id, Title = page.Title, Help = page.Help, Condition = Condition(page.Condition) };
            wire.Fields.AddRange(page.Fields.Select(f => Field(f, today)));
            return wire;
        }));
        return form;
    }

    private static W.FormField Field(D.FormField field, DateOnly today)
    {
        var wire = new W.FormField
        {
            FieldId = field.Id,
            Label = field.Label,
            Kind = Kind(field.Kind),
            Required = field.Required,
            Help = field.Help,
            Condition = Condition(field.Condition),
            DocumentType = field.DocumentType ?? "",
            DocumentTypeLabel = field.Kind == D.FieldKind.Document ? DocumentTypeLabel(field.DocumentType) : "",
            MinItems = field.Kind == D.FieldKind.Group ? field.MinItems : 0,
            MaxItems = field.Kind == D.FieldKind.Group ? field.MaxItems : 0,
            RuleHint = FieldHints.Describe(field),
            Min = FieldHints.HtmlMin(field, today),
            Max = FieldHints.HtmlMax(field, today),
            MaxLength = FieldHints.HtmlMaxLength(field),
        };
        wire.Options.AddRange((field.Options ?? []).Select(o => new W.FormOption { Value = o.Value, Label = o.Label }));
        wire.Fields.AddRange((field.Fields ?? []).Select(f => Field(f, today)));
        return wire;
    }

    private static W.FormCondition? Condition(D.FieldCondition? condition)
    {
        if (condition is null) return null;
        var wire = new W.FormCondition
        {
            FieldId = condition.FieldId,
            Operator = condition.Operator switch
            {
                D.ConditionOperator.Equals => "egal",
                D.ConditionOperator.NotEquals => "different",
                D.ConditionOperator.Filled => "rempli",
                _ => "vide",
            },
        };
        wire.Values.AddRange(condition.Values ?? []);
        return wire;
    }

    /// <summary>A request as a line of a list, from the request itself.</summary>
    public static W.RequestLine Line(G.RequestView view, D.DemarcheDefinition definition, string communeName, DateTimeOffset now)
    {
        var submission = view.Submission;
        var state = definition.Workflow.State(view.StateId);
        var kind = state?.Kind ?? D.StateKind.Open;
        return Line(new G.RequestSummary(submission.Reference, 0, submission.DemarcheId, submission.Title, view.StateId, state?.Label ?? view.StateId,
            kind, submission.SubmittedAt, view.DecidedAt, view.DueAt, submission.Channel, submission.CitizenName,
            view.AssignedAgentId, view.AssignedAgentName, view.Revision), submission.CommuneCode, communeName, now);
    }

    /// <summary>A line of the commune's queue.</summary>
    public static W.RequestLine Line(G.RequestSummary summary, string communeCode, string communeName, DateTimeOffset now)
    {
        var line = new W.RequestLine
        {
            Reference = summary.Reference,
            CommuneInseeCode = communeCode,
            CommuneName = communeName,
            DemarcheId = summary.DemarcheId,
            Title = summary.Title,
            StateId = summary.StateId,
            StateLabel = summary.StateLabel,
            StateKind = Kind(summary.StateKind),
            SubmittedAt = Time(summary.SubmittedAt),
            Overdue = IsOverdue(summary, now),
            Channel = Channel(summary.Channel),
            CitizenName = summary.CitizenName,
            AssignedAgentId = summary.AssignedAgentId,
            AssignedAgentName = summary.AssignedAgentName,
            AwaitsCitizen = summary.StateKind == D.StateKind.AwaitingCitizen,
        };
        if (summary.DueAt is { } due && !summary.StateKind.IsFinal()) line.DueAt = Time(due);
        if (summary.DecidedAt is { } decided) line.DecidedAt = Time(decided);
        return line;
    }

    public static bool IsOverdue(G.RequestSummary summary, DateTimeOffset now) =>
        !summary.StateKind.IsFinal() && summary.DueAt is { } due && due < now;

    public static W.RequestDocument Document(SubmittedDocument document) => new()
    {
        DocumentId = document.DocumentId,
        TypeCode = document.TypeCode,
        TypeLabel = Domain.Documents.DocumentKinds.Find(document.TypeCode)?.Label ?? document.TypeLabel,
        FileName = document.FileName,
        ContentType = document.ContentType,
        SizeBytes = document.SizeBytes,
        SubmittedAt = Time(document.SubmittedAt),
    };

    public static string TimelineKind(G.TimelineKind kind) => kind switch
    {
        G.TimelineKind.Submitted => "depot",
        G.TimelineKind.Moved => "etat",
        G.TimelineKind.CitizenMessage => "message-citoyen",
        G.TimelineKind.AgentMessage => "message-agent",
        G.TimelineKind.InternalNote => "note-interne",
        G.TimelineKind.Assigned => "attribution",
        G.TimelineKind.DocumentGenerated => "document",
        _ => "",
    };

    public static W.TimelineEntry Entry(G.TimelineRecord record, D.DemarcheDefinition definition)
    {
        var entry = new W.TimelineEntry
        {
            At = Time(record.At),
            Kind = TimelineKind(record.Kind),
            By = record.Actor == D.Actor.System || record.ActorName.Length == 0 ? "CarteValoise" : record.ActorName,
            Text = record.Text,
            StateLabel = record.StateId is { } stateId && record.Kind is G.TimelineKind.Moved or G.TimelineKind.Submitted
                ? definition.Workflow.State(stateId)?.Label ?? stateId
                : "",
            FileId = record.FileId ?? "",
            Internal = record.Internal,
        };
        entry.Documents.AddRange(record.Documents.Select(Document));
        return entry;
    }

    public static W.AvailableMove Move(D.WorkflowMove move, D.DemarcheDefinition definition)
    {
        var to = definition.Workflow.State(move.To);
        return new W.AvailableMove
        {
            MoveId = move.Id,
            Label = move.Label,
            RequiresReason = move.RequiresReason,
            ToStateLabel = to?.Label ?? move.To,
            ToKind = Kind(to?.Kind ?? D.StateKind.Open),
        };
    }

    public static W.GeneratedFile Generated(G.GeneratedFileRecord file) => new()
    {
        FileId = file.FileId,
        Title = file.Title,
        FileName = file.FileName,
        GeneratedAt = Time(file.GeneratedAt),
        GeneratedBy = file.GeneratedBy,
    };

    /// <summary>
    /// Every document the request carries: those filed with it, then those of later messages and
    /// complements; those of internal notes only when <paramref name="withInternal"/> (agents).
    /// </summary>
    public static IReadOnlyList<SubmittedDocument> Documents(G.RequestView view, bool withInternal = true) =>
        [.. view.Submission.Documents.Concat(view.Timeline.Where(e => withInternal || !e.Internal).SelectMany(e => e.Documents))
            .DistinctBy(d => (d.RequestRef, d.DocumentId))];

    /// <summary>The Paris day of an instant, as yyyy-MM-dd.</summary>
    public static string Day(DateTimeOffset at) => ServiceDay.Format(ServiceDay.Of(at));
}
