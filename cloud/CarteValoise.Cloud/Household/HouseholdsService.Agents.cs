using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Households;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.Household;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using DossierChangeKind = CarteValoise.Domain.Household.DossierChangeKind;

namespace CarteValoise.Cloud.Household;

public sealed partial class HouseholdsService
{
    public override async Task<DossierChangeList> ListDossierChanges(ListDossierChangesRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = request.CommuneInseeCode.Trim();
        if (!AccessRules.CanReadCommune(caller, commune))
        {
            logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les demandes de la commune {Commune}", caller.AccountId, caller.Role, commune);
            throw WireErrors.PermissionDenied("Accès refusé aux demandes de cette commune.");
        }
        var state = HouseholdWire.State(request.State);
        var communeName = (await directory.CommuneNames()).GetValueOrDefault(commune, commune);
        var list = new DossierChangeList();
        list.Changes.AddRange((await grains.GetGrain<IDossierChangeQueueGrain>(commune).List())
            .Where(s => state is null || s.State == state)
            .Select(s => HouseholdWire.Line(s, commune, communeName)));
        return list;
    }

    /// <summary>An agent opens a request: written to the citizen's access log, with the request as the reason.</summary>
    public override async Task<DossierChangeDetail> GetDossierChange(GetDossierChangeRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        await RecordRead(caller, view, "ouverture");
        view = await grains.GetGrain<IDossierChangeGrain>(view.Reference).Open(caller.AccountId, SignedBy.Of(caller));
        return await Detail(view);
    }

    public override async Task<DossierChangeDetail> DecideDossierChange(DecideDossierChangeRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        if (!request.Accept && DossierDecisions.RefusalReason(request.RefusalReason) is { Count: > 0 } problems) throw HouseholdErrors.Invalid(problems);
        await RecordRead(caller, view, request.Accept ? "acceptation" : "refus");
        try
        {
            view = await grains.GetGrain<IDossierChangeGrain>(view.Reference).Decide(new DossierDecision(
                OperationId(request.OperationId), request.Accept, caller.AccountId, SignedBy.Of(caller), request.RefusalReason));
        }
        catch (DossierChangeRefusedException refused)
        {
            throw HouseholdErrors.Refused(refused.Message);
        }
        catch (InvalidHouseholdException invalid)
        {
            throw HouseholdErrors.Invalid(invalid.Problems);
        }
        logger.LogInformation("Demande {Reference} {Outcome} par {AccountId}", view.Reference, view.State, caller.AccountId);
        var communeName = (await directory.CommuneNames()).GetValueOrDefault(view.Submission.CommuneCode, view.Submission.CommuneCode);
        await mails.DecisionAsync(view, communeName, context.CancellationToken);
        return await Detail(view);
    }

    /// <summary>The request, for an agent of its commune; anyone else, or an unknown reference, is refused alike.</summary>
    private async Task<DossierChangeView> RequireAgentsRequest(Caller caller, string reference)
    {
        var view = DossierReference.TryParse(reference, out var parsed)
            ? await grains.GetGrain<IDossierChangeGrain>(parsed.ToString()).Get()
            : null;
        if (view is not null && AccessRules.CanReadCommune(caller, view.Submission.CommuneCode)) return view;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé la demande {Reference}", caller.AccountId, caller.Role, reference);
        throw HouseholdErrors.RequestDenied();
    }

    private Task RecordRead(Caller caller, DossierChangeView view, string what) =>
        accessLog.RecordAccountRead(caller, view.Submission.SubmitterAccountId,
            $"dossier famille et pièces justificatives ({what} de la demande)", $"demande {view.Reference}");

    /// <summary>What the agent needs to decide: the request, and the household's values now beside those asked.</summary>
    private async Task<DossierChangeDetail> Detail(DossierChangeView view)
    {
        var submission = view.Submission;
        var communeName = (await directory.CommuneNames()).GetValueOrDefault(submission.CommuneCode, submission.CommuneCode);
        var household = await grains.GetGrain<IHouseholdGrain>(submission.HouseholdId).Get();
        var children = household is null ? [] : await directory.Children(household);
        var detail = new DossierChangeDetail { Change = HouseholdWire.Change(view, communeName) };
        detail.HouseholdMembers.AddRange(household?.Adults.Select(a => $"{Named(a.FullName)} — {a.Relationship.Label().ToLowerInvariant()}") ?? []);
        detail.HouseholdMembers.AddRange(children.Select(c => $"{c.FullName} — enfant{(c.BirthDate is { } born ? $", né(e) le {Domain.Canteen.FrenchText.Day(born)}" : "")}"));
        // Before the decision, the household as it is now; once decided, as it was when the request came
        // (an accepted change is in the household already).
        var decided = view.State.IsDecided();
        switch (submission.Kind)
        {
            case DossierChangeKind.Address:
                var current = decided ? submission.AddressBefore : household?.Address;
                detail.Comparison.Add(Row("Adresse", current?.ToString() ?? "", submission.NewAddress?.ToString() ?? ""));
                break;
            case DossierChangeKind.NewChild when submission.NewChild is { } child:
                var before = children.Where(c => !decided || c.ChildId != HouseholdGrain.ChildIdFor(view.Reference)).Select(c => c.FullName).ToList();
                detail.Comparison.Add(Row("Enfants du foyer", string.Join(", ", before), string.Join(", ", before.Append(child.FullName))));
                detail.Comparison.Add(Row("Nouvel enfant", "",
                    $"{child.FullName}, né(e) le {Domain.Canteen.FrenchText.Day(child.BirthDate)}{(child.School.Length > 0 ? $", école : {child.School}" : "")}"));
                break;
            case DossierChangeKind.Custody when submission.Custody is { } custody:
                detail.Comparison.Add(Row("Enfant", custody.ChildName, custody.ChildName));
                detail.Comparison.Add(Row("Foyers de l'enfant", "ce foyer", $"ce foyer et celui du compte {custody.OtherParentEmail}"));
                detail.Comparison.Add(Row("Mode de garde", "", custody.Arrangement.Described()));
                detail.OtherHouseholdFound = await OtherHouseholdFound(custody.OtherParentEmail);
                break;
        }
        return detail;
    }

    private async Task<bool> OtherHouseholdFound(string email)
    {
        var account = await grains.GetGrain<IAccountGrain>(email.ToLowerInvariant()).Get();
        return account is not null && await grains.GetGrain<IHouseholdIndexGrain>(account.AccountId).GetHouseholdId() is not null;
    }

    private static string Named(string fullName) => fullName.Trim().Length == 0 ? "(nom à compléter)" : fullName.Trim();

    private static DossierChangeComparison Row(string label, string current, string proposed) =>
        new() { Label = label, Current = current, Proposed = proposed };
}
