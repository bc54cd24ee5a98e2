using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// One request. Orleans runs its calls one at a time, so of two agents deciding at once the first
/// decides and the second is told who did. Each change is written (and undone in memory if the write
/// fails) before it is tracked in the commune's queue.
/// </summary>
public sealed class DemarcheRequestGrain(
    [PersistentState("demarcheRequest", GrainKeys.StorageName)] IPersistentState<DemarcheRequestState> state,
    TimeProvider time) : Grain, IDemarcheRequestGrain
{
    /// <summary>The workflow of the version the request was filed under, read once per activation.</summary>
    private DemarcheDefinition? _definition;

    private string Reference => this.GetPrimaryKeyString();

    public async Task<RequestView> Submit(RequestSubmission submission)
    {
        if (submission.Reference != Reference) throw new ArgumentException($"Submission {submission.Reference} sent to request {Reference}.", nameof(submission));
        if (!DemarcheReference.TryParse(Reference, out var reference) || reference.CommuneCode != submission.CommuneCode)
            throw new ArgumentException($"Request {Reference} is not a reference of commune {submission.CommuneCode}.", nameof(submission));
        if (state.State.Submission is { } known)
        {
            if (known.SubmissionKey != submission.SubmissionKey) throw new DemarcheRefusedException(RequestTexts.OtherSubmission(Reference));
            // The same submission again: its listing may have been cut short, the retry completes it.
            await Track();
            await ListForCitizen();
            return state.State.View();
        }

        var definition = await Definition(submission);
        var initial = definition.Workflow.State(definition.Workflow.Initial)
            ?? throw new InvalidOperationException($"Démarche {definition.Id} v{definition.Version} without its initial state.");
        var counter = submission.Channel == RequestChannel.Counter;
        await Change(request =>
        {
            request.Submission = submission;
            request.StateId = initial.Id;
            request.StateSince = submission.SubmittedAt;
            request.DueAt = WorkflowRules.DueAt(initial, submission.SubmittedAt);
            request.Timeline.Add(request.Entry(submission.SubmittedAt, TimelineKind.Submitted, counter ? Actor.Agent : Actor.Citizen,
                counter ? submission.EnteredByAgentName : submission.CitizenName, RequestTexts.Submitted(submission), submission.SubmissionKey,
                MoveNotice.Email, stateId: initial.Id));
        });
        await ListForCitizen();
        return state.State.View();
    }

    public Task<RequestView?> Get() => Task.FromResult(state.State.Submission is null ? null : state.State.View());

    public async Task<RequestView> Move(RequestMoveCommand move)
    {
        var submission = Required();
        if (state.State.HasOperation(move.OperationId)) return await Unchanged();
        if (move.Actor == Actor.Citizen) Owner(submission, move.ActorAccountId);
        var workflow = (await Definition(submission)).Workflow;
        if (Final(workflow)) throw new DemarcheRefusedException(RequestTexts.AlreadyDecided(state.State.DecidedBy, DecidedAt()));
        if (WorkflowRules.Refusal(workflow, state.State.StateId, move.MoveId, move.Actor, move.Reason) is { } refusal)
            throw new DemarcheRefusedException(refusal);

        var allowed = workflow.Move(move.MoveId)!;
        var target = workflow.State(allowed.To)!;
        var reason = TextKey.TidyLines(move.Reason);
        var at = time.GetUtcNow();
        return await Change(request =>
        {
            request.StateId = target.Id;
            request.StateSince = at;
            request.DueAt = WorkflowRules.DueAt(target, at);
            if (target.Kind.IsFinal()) (request.DecidedAt, request.DecidedBy, request.DecisionReason) = (at, move.ActorName, reason);
            request.Timeline.Add(request.Entry(at, TimelineKind.Moved, move.Actor, move.ActorName, RequestTexts.Moved(allowed.Label, reason),
                move.OperationId, allowed.Notice, allowed.Id, target.Id, move.Documents));
        });
    }

    public async Task<bool> ApplyDeadline(DateTimeOffset now)
    {
        if (state.State.Submission is not { } submission || state.State.DueAt is not { } due || due > now) return false;
        var workflow = (await Definition(submission)).Workflow;
        if (Final(workflow) || workflow.State(state.State.StateId) is not { } current) return false;
        if (WorkflowRules.MovesFor(workflow, current.Id, Actor.System).FirstOrDefault() is not { } move) return false;
        var operationId = RequestDeadlines.OperationId(current.Id, state.State.StateSince);
        if (state.State.HasOperation(operationId)) return false;
        await Move(new RequestMoveCommand(operationId, move.Id, Actor.System, "", RequestDeadlines.ActorName, RequestDeadlines.Reason(current), []));
        return true;
    }

    public async Task<RequestView> Post(RequestMessageCommand message)
    {
        var submission = Required();
        if (state.State.HasOperation(message.OperationId)) return await Unchanged();
        var citizen = message.Actor == Actor.Citizen;
        if (citizen) Owner(submission, message.ActorAccountId);
        if (message.Internal && message.Actor != Actor.Agent) throw new DemarcheRefusedException(RequestTexts.NoteForAgents);
        var text = (message.Text ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0 && message.Documents.Count == 0) throw new DemarcheRefusedException(RequestTexts.EmptyMessage);
        if (text.Length > RequestTexts.MessageMaxLength) throw new DemarcheRefusedException(RequestTexts.MessageTooLong);
        if (citizen && Final((await Definition(submission)).Workflow)) throw new DemarcheRefusedException(RequestTexts.Closed(state.State.DecidedBy, DecidedAt()));

        var (kind, notice) = message.Internal ? (TimelineKind.InternalNote, MoveNotice.None)
            : citizen ? (TimelineKind.CitizenMessage, MoveNotice.None)
            : (TimelineKind.AgentMessage, MoveNotice.Email);
        var at = time.GetUtcNow();
        return await Change(request => request.Timeline.Add(request.Entry(at, kind, message.Actor, message.ActorName, text, message.OperationId,
            notice, documents: message.Documents)));
    }

    public async Task<RequestView> Assign(string operationId, string agentAccountId, string agentName, string byName)
    {
        Required();
        if (state.State.HasOperation(operationId)) return await Unchanged();
        var (agentId, name) = (agentAccountId ?? "", agentAccountId is { Length: > 0 } ? agentName : "");
        if (agentId == state.State.AssignedAgentId) return state.State.View();
        var at = time.GetUtcNow();
        return await Change(request =>
        {
            (request.AssignedAgentId, request.AssignedAgentName) = (agentId, name);
            request.Timeline.Add(request.Entry(at, TimelineKind.Assigned, Actor.Agent, byName, RequestTexts.Assigned(agentId, name), operationId));
        });
    }

    public async Task<RequestView> AddGenerated(GeneratedFileRecord file)
    {
        Required();
        if (state.State.Generated.Exists(known => known.OperationId == file.OperationId)) return await Unchanged();
        return await Change(request =>
        {
            request.Generated.Add(file);
            request.Timeline.Add(request.Entry(file.GeneratedAt, TimelineKind.DocumentGenerated, Actor.Agent, file.GeneratedBy,
                RequestTexts.Generated(file.Title), file.OperationId, MoveNotice.Email, fileId: file.FileId));
        });
    }

    public async Task MarkNoticed(int sequence)
    {
        Required();
        if (sequence <= state.State.NoticedThrough) return;
        await Change(request => request.NoticedThrough = sequence);
    }

    /// <summary>A command sent again: nothing changes, but its tracking may have been cut short.</summary>
    private async Task<RequestView> Unchanged()
    {
        await Track();
        return state.State.View();
    }

    private async Task<RequestView> Change(Action<DemarcheRequestState> apply)
    {
        var before = state.State.Copy();
        apply(state.State);
        state.State.Revision++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
        await Track();
        return state.State.View();
    }

    private async Task Track()
    {
        var request = state.State;
        var submission = request.Submission!;
        var current = (await Definition(submission)).Workflow.State(request.StateId);
        DemarcheReference.TryParse(Reference, out var reference);
        await GrainFactory.GetGrain<IRequestQueueGrain>(submission.CommuneCode).Track(new RequestSummary(
            Reference, reference.Number, submission.DemarcheId, submission.Title, request.StateId, current?.Label ?? request.StateId,
            current?.Kind ?? StateKind.Open, submission.SubmittedAt, request.DecidedAt, request.DueAt, submission.Channel, submission.CitizenName,
            request.AssignedAgentId, request.AssignedAgentName, request.Revision));
    }

    private Task ListForCitizen()
    {
        var submission = state.State.Submission!;
        if (submission.CitizenAccountId.Length == 0) return Task.CompletedTask;
        return GrainFactory.GetGrain<ICitizenDemarchesGrain>(submission.CitizenAccountId).AddRequest(
            new CitizenRequestLine(Reference, submission.CommuneCode, submission.DemarcheId, submission.Title, submission.SubmittedAt));
    }

    private async Task<DemarcheDefinition> Definition(RequestSubmission submission)
    {
        if (_definition is not null) return _definition;
        var version = await GrainFactory.GetGrain<ICommuneDemarchesGrain>(submission.CommuneCode).Get(submission.DemarcheId, submission.Version)
            ?? throw new DemarcheRefusedException(RequestTexts.UnknownVersion(submission.Title, submission.Version));
        return _definition = DefinitionFile.Parse(version.Json);
    }

    private bool Final(Workflow workflow) => workflow.State(state.State.StateId)?.Kind.IsFinal() == true;

    private DateTimeOffset DecidedAt() => state.State.DecidedAt ?? state.State.StateSince;

    private static void Owner(RequestSubmission submission, string accountId)
    {
        if (submission.CitizenAccountId.Length == 0 || submission.CitizenAccountId != accountId) throw new DemarcheRefusedException(RequestTexts.NotYours);
    }

    private RequestSubmission Required() => state.State.Submission ?? throw new DemarcheRefusedException(RequestTexts.Unknown(Reference));
}
