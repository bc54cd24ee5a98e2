using CarteValoise.Contracts.Households;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.DocumentSafe;
using CarteValoise.Grains.Household;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using DossierChangeKind = CarteValoise.Domain.Household.DossierChangeKind;

namespace CarteValoise.Cloud.Household;

public sealed partial class HouseholdsService
{
    /// <summary>Documents a request may carry: a handful, not the whole safe.</summary>
    public const int MaxDocuments = 5;

    /// <summary>
    /// Checks everything before anything is written (values, and the documents chosen against the
    /// citizen's safe), then numbers the request, freezes the documents' copies for it, records it
    /// and mails the acknowledgement. Each step repeats safely under the same operation id.
    /// </summary>
    public override async Task<DossierChange> SubmitDossierChange(SubmitDossierChangeRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var household = await directory.OfCitizen(caller) ?? throw HouseholdErrors.NoHousehold();
        var kind = HouseholdWire.Kind(request.Kind);
        if (kind == DossierChangeKind.Unspecified)
            throw HouseholdErrors.Invalid(DossierFields.Kind, "Choisissez la modification à demander : adresse, nouvel enfant ou garde d'un enfant.");

        var today = ServiceDay.Today(time);
        var account = await grains.GetGrain<IAccountGrain>(caller.AccountId).Get();
        var email = account?.Email ?? caller.AccountId;
        var problems = new List<HouseholdProblem>();
        HouseholdAddressRecord? address = null;
        ProposedChildRecord? child = null;
        ProposedCustodyRecord? custody = null;
        switch (kind)
        {
            case DossierChangeKind.Address:
                var newAddress = HouseholdChecks.Address(new AddressForm(request.NewAddress?.Street, request.NewAddress?.PostalCode, request.NewAddress?.City));
                problems.AddRange(newAddress.Problems);
                if (newAddress.IsValid) address = HouseholdAddressRecord.From(newAddress.Valid);
                break;
            case DossierChangeKind.NewChild:
                var form = request.NewChild ?? new HouseholdChild();
                var newChild = HouseholdChecks.Child(new ChildForm(form.FirstName, form.LastName, form.BirthDate, form.School), today);
                problems.AddRange(newChild.Problems);
                if (newChild.IsValid) child = new ProposedChildRecord(newChild.Valid.FirstName, newChild.Valid.LastName, newChild.Valid.BirthDate, newChild.Valid.School);
                break;
            case DossierChangeKind.Custody:
                var asked = request.Custody ?? new CustodyChange();
                var mine = household.Adults.Where(a => a.AccountId == caller.AccountId).Select(a => a.Email).Append(email).Where(e => e.Length > 0).ToList();
                var shared = HouseholdChecks.Custody(new CustodyForm(asked.ChildId, asked.OtherParentEmail, HouseholdWire.Arrangement(asked.Arrangement)), household.ChildIds, mine);
                problems.AddRange(shared.Problems);
                if (shared.IsValid)
                {
                    var named = await grains.GetGrain<IHouseholdChildGrain>(shared.Valid.ChildId).Get();
                    custody = new ProposedCustodyRecord(shared.Valid.ChildId, named?.FullName ?? "", shared.Valid.OtherParentEmail, shared.Valid.Arrangement);
                }
                break;
        }
        problems.AddRange(HouseholdChecks.Comment(request.Comment));

        var documentIds = request.DocumentIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var safe = grains.GetGrain<IDocumentSafeGrain>(caller.AccountId);
        var chosen = (await safe.GetContents()).Documents.Where(d => documentIds.Contains(d.DocumentId)).ToList();
        if (documentIds.Count > MaxDocuments)
            problems.Add(new(DossierFields.Proof, $"Joignez au plus {MaxDocuments} documents à une demande."));
        else if (chosen.Count < documentIds.Count)
            problems.Add(new(DossierFields.Proof, "Un des documents choisis n'est plus dans « Mes documents » (supprimé entre-temps ?) : choisissez-en un autre ou ajoutez-le à nouveau."));
        else
            problems.AddRange(HouseholdChecks.Proof(kind, [.. chosen.Select(d => new ProofDocument(d.TypeCode, d.ValidUntil))], today));
        if (problems.Count > 0) throw HouseholdErrors.Invalid(problems);

        var submissionKey = $"{caller.AccountId}:{OperationId(request.OperationId)}";
        var reference = await grains.GetGrain<IDossierChangeQueueGrain>(household.CommuneCode).Allocate(submissionKey, today.Year);
        IReadOnlyList<SubmittedDocument> frozen;
        try
        {
            frozen = await safe.FreezeForRequest(reference, household.CommuneCode, documentIds);
        }
        catch (InvalidOperationException gone)
        {
            // Deleted between the check and the copy: the number stays allocated to this operation, whose retry reuses it.
            throw HouseholdErrors.Invalid(DossierFields.Proof, gone.Message);
        }
        var submitterName = SubmitterName(household, caller, account);
        DossierChangeView view;
        try
        {
            view = await grains.GetGrain<IDossierChangeGrain>(reference).Submit(new DossierChangeSubmission(
                reference, household.CommuneCode, household.HouseholdId, caller.AccountId, submitterName, email, kind,
                address, child, custody, frozen, TextKey.TidyLines(request.Comment), time.GetUtcNow(), submissionKey, household.Address));
        }
        catch (DossierChangeRefusedException refused)
        {
            throw HouseholdErrors.Refused(refused.Message);
        }
        logger.LogInformation("Demande {Reference} ({Kind}) déposée par le compte {AccountId}", reference, kind, caller.AccountId);
        var communeName = (await directory.CommuneNames()).GetValueOrDefault(household.CommuneCode, household.CommuneCode);
        await mails.AcknowledgeAsync(view, communeName, context.CancellationToken);
        return HouseholdWire.Change(view, communeName);
    }

    public override async Task<DossierChangeList> ListMyDossierChanges(ListMyDossierChangesRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var list = new DossierChangeList();
        if (await directory.OfCitizen(caller) is not { } household) return list;
        var communes = await directory.CommuneNames();
        list.Changes.AddRange((await directory.Requests(household))
            .Select(v => HouseholdWire.Change(v, communes.GetValueOrDefault(v.Submission.CommuneCode, v.Submission.CommuneCode))));
        return list;
    }

    /// <summary>The name the agent and the mails use: the adult's own name when told, else the account's.</summary>
    private static string SubmitterName(HouseholdRecord household, Caller caller, AccountRecord? account)
    {
        var me = household.Adults.FirstOrDefault(a => a.AccountId == caller.AccountId);
        if (me is { FirstName.Length: > 0 }) return me.FullName;
        return account?.DisplayName is { Length: > 0 } name ? name : caller.DisplayName;
    }
}
