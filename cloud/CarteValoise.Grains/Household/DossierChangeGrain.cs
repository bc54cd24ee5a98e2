using CarteValoise.Domain.Household;
using CarteValoise.Grains.Identity;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Grains.Household;

[GenerateSerializer]
public sealed class DossierChangeGrainState
{
    [Id(0)] public DossierChangeSubmission? Submission { get; set; }
    [Id(1)] public DossierChangeState State { get; set; }
    [Id(2)] public List<DossierChangeEventRecord> History { get; set; } = [];
    [Id(3)] public DossierDecisionRecord? Decision { get; set; }
    [Id(4)] public bool Applied { get; set; }
    [Id(5)] public bool AcknowledgementMailed { get; set; }
    [Id(6)] public bool DecisionMailed { get; set; }
    /// <summary>For an accepted custody: the other parent's household, found when it was accepted.</summary>
    [Id(7)] public string? OtherHouseholdId { get; set; }
}

/// <summary>
/// One change request. Orleans runs its calls one at a time, so of two agents deciding at once the
/// first decides and the second is told so; the decision is written before the change is applied,
/// and an accepted change not applied yet (a silo lost in between) is applied at the next activation.
/// </summary>
public sealed class DossierChangeGrain(
    [PersistentState("dossierChange", GrainKeys.StorageName)] IPersistentState<DossierChangeGrainState> state,
    TimeProvider time,
    ILogger<DossierChangeGrain> logger) : Grain, IDossierChangeGrain
{
    private string Reference => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.State != DossierChangeState.Accepted || state.State.Applied) return;
        try
        {
            await Apply();
        }
        catch (Exception e)
        {
            // The next decision call (or activation) tries again; reading the request must not fail for it.
            logger.LogWarning(e, "La demande {Reference} acceptée n'a pas encore pu être appliquée au dossier.", Reference);
        }
    }

    public async Task<DossierChangeView> Submit(DossierChangeSubmission submission)
    {
        if (submission.Reference != Reference) throw new ArgumentException($"Submission {submission.Reference} sent to request {Reference}.", nameof(submission));
        if (state.State.Submission is { } known)
        {
            if (known.SubmissionKey != submission.SubmissionKey)
                throw new DossierChangeRefusedException($"La référence {Reference} est déjà celle d'une autre demande.");
        }
        else
        {
            state.State.Submission = submission;
            state.State.State = DossierChangeState.Submitted;
            state.State.History = [new(DossierChangeState.Submitted, submission.SubmittedAt, submission.SubmitterName)];
            await Write(() =>
            {
                state.State.Submission = null;
                state.State.State = DossierChangeState.Unspecified;
                state.State.History = [];
            });
        }
        // Every time: a submission whose listing was cut short is listed by its retry.
        await GrainFactory.GetGrain<IHouseholdGrain>(state.State.Submission.HouseholdId).AddRequest(Reference);
        await Track();
        return View();
    }

    public Task<DossierChangeView?> Get() => Task.FromResult(state.State.Submission is null ? null : View());

    public async Task<DossierChangeView> Open(string agentAccountId, string agentName)
    {
        Required();
        if (state.State.State != DossierChangeState.Submitted) return View();
        state.State.State = DossierChangeState.InReview;
        state.State.History.Add(new(DossierChangeState.InReview, time.GetUtcNow(), agentName));
        await Write(() =>
        {
            state.State.State = DossierChangeState.Submitted;
            state.State.History.RemoveAt(state.State.History.Count - 1);
        });
        await Track();
        return View();
    }

    public async Task<DossierChangeView> Decide(DossierDecision decision)
    {
        var submission = Required();
        if (state.State.Decision is { } made)
        {
            if (made.OperationId != decision.OperationId || made.Accepted != decision.Accept)
                throw new DossierChangeRefusedException(DossierDecisions.AlreadyDecided(made.AgentName, made.At, state.State.State));
            // The same decision sent again: finish what it started, answer the same.
            if (made.Accepted && !state.State.Applied) await Apply();
            await Track();
            return View();
        }
        if (!decision.Accept) InvalidHouseholdException.ThrowIfAny(DossierDecisions.RefusalReason(decision.RefusalReason));
        var otherHouseholdId = decision.Accept && submission.Kind == DossierChangeKind.Custody ? await OtherHousehold(submission) : null;

        var at = time.GetUtcNow();
        var outcome = decision.Accept ? DossierChangeState.Accepted : DossierChangeState.Refused;
        var previousState = state.State.State;
        state.State.Decision = new DossierDecisionRecord(decision.OperationId, decision.Accept, decision.AgentAccountId, decision.AgentName, at,
            decision.Accept ? "" : Domain.Enrolment.TextKey.TidyLines(decision.RefusalReason));
        state.State.State = outcome;
        state.State.OtherHouseholdId = otherHouseholdId;
        state.State.History.Add(new(outcome, at, decision.AgentName));
        await Write(() =>
        {
            state.State.Decision = null;
            state.State.State = previousState;
            state.State.OtherHouseholdId = null;
            state.State.History.RemoveAt(state.State.History.Count - 1);
        });
        if (decision.Accept) await Apply();
        await Track();
        return View();
    }

    public async Task MarkMailed(DossierMail mail)
    {
        Required();
        var (acknowledged, decided) = (state.State.AcknowledgementMailed, state.State.DecisionMailed);
        if (mail == DossierMail.Acknowledgement) state.State.AcknowledgementMailed = true;
        else state.State.DecisionMailed = true;
        if ((acknowledged, decided) == (state.State.AcknowledgementMailed, state.State.DecisionMailed)) return;
        await Write(() => (state.State.AcknowledgementMailed, state.State.DecisionMailed) = (acknowledged, decided));
    }

    /// <summary>
    /// The household of the account the citizen named: found when the custody is accepted (the other
    /// parent may have made theirs after the request), and only then, so that submitting tells nobody
    /// whether an address has an account.
    /// </summary>
    private async Task<string> OtherHousehold(DossierChangeSubmission submission)
    {
        var custody = submission.Custody ?? throw new InvalidOperationException($"Custody request {Reference} without its custody.");
        var account = await GrainFactory.GetGrain<IAccountGrain>(custody.OtherParentEmail.ToLowerInvariant()).Get();
        var householdId = account is null ? null : await GrainFactory.GetGrain<IHouseholdIndexGrain>(account.AccountId).GetHouseholdId();
        if (householdId is null)
            throw new DossierChangeRefusedException(
                $"L'adresse {custody.OtherParentEmail} n'est celle d'aucun compte CarteValoise ayant un dossier famille : la garde ne peut être enregistrée "
                + "qu'une fois que l'autre parent a créé son compte et son dossier. Refusez la demande en l'expliquant, ou attendez.");
        if (householdId == submission.HouseholdId)
            throw new DossierChangeRefusedException($"L'adresse {custody.OtherParentEmail} est celle d'un adulte du même foyer : une garde se partage entre deux foyers.");
        var household = await GrainFactory.GetGrain<IHouseholdGrain>(submission.HouseholdId).Get();
        if (household is null || !household.ChildIds.Contains(custody.ChildId))
            throw new DossierChangeRefusedException($"{custody.ChildName} ne fait plus partie du dossier du demandeur.");
        return householdId;
    }

    private async Task Apply()
    {
        var submission = Required();
        var change = new AcceptedChange(Reference, submission.Kind, submission.NewAddress, submission.NewChild, submission.Custody, state.State.OtherHouseholdId);
        if (submission.Kind == DossierChangeKind.Custody && submission.Custody is { } custody && state.State.OtherHouseholdId is { } other)
        {
            var residesWith = custody.Arrangement switch
            {
                CustodyArrangement.ResidesWithApplicant => submission.HouseholdId,
                CustodyArrangement.ResidesWithOtherParent => other,
                _ => null,
            };
            await GrainFactory.GetGrain<IHouseholdChildGrain>(custody.ChildId).ShareWith(other, custody.Arrangement, residesWith);
            await GrainFactory.GetGrain<IHouseholdGrain>(other).AddSharedChild(Reference, custody.ChildId);
        }
        await GrainFactory.GetGrain<IHouseholdGrain>(submission.HouseholdId).ApplyChange(change);
        state.State.Applied = true;
        await Write(() => state.State.Applied = false);
    }

    private Task Track()
    {
        var submission = Required();
        var decision = state.State.Decision;
        return GrainFactory.GetGrain<IDossierChangeQueueGrain>(submission.CommuneCode).Track(new DossierChangeSummary(
            Reference, submission.Kind, state.State.State, submission.SubmittedAt, submission.SubmitterName,
            decision?.At, decision?.AgentName ?? "", submission.HouseholdId));
    }

    private DossierChangeSubmission Required() =>
        state.State.Submission ?? throw new DossierChangeRefusedException($"La demande {Reference} n'existe pas.");

    private DossierChangeView View() => new(Required(), state.State.State, [.. state.State.History], state.State.Decision,
        state.State.Applied, state.State.AcknowledgementMailed, state.State.DecisionMailed);

    private async Task Write(Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }
}
