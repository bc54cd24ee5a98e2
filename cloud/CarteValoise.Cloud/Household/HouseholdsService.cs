using CarteValoise.Cloud.Identity;
using CarteValoise.Contracts.Households;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.Household;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using HouseholdsBase = CarteValoise.Contracts.Households.Households.HouseholdsBase;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// The household dossier over gRPC. A parent reads and changes their own household only, and lists
/// their own requests; agents list, open and decide the requests of their communes only. Bad input is
/// INVALID_ARGUMENT with every problem and its field (<see cref="HouseholdErrors"/>), nothing written.
/// </summary>
public sealed partial class HouseholdsService(
    IGrainFactory grains,
    CallerResolver callers,
    HouseholdDirectory directory,
    HouseholdPrefillReader prefill,
    DossierChangeMails mails,
    Services.AccessLog accessLog,
    TimeProvider time,
    ILogger<HouseholdsService> logger) : HouseholdsBase
{
    public override async Task<MyHousehold> GetMyHousehold(GetMyHouseholdRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        return await Mine(caller, await directory.OfCitizen(caller));
    }

    public override async Task<MyHousehold> CreateHousehold(CreateHouseholdRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        // A household already there (or prefilled from the commune's family) is the answer: one per account.
        if (await directory.OfCitizen(caller) is { } existing) return await Mine(caller, existing);

        var problems = new List<HouseholdProblem>();
        var communes = await directory.CommuneNames();
        var commune = request.CommuneInseeCode.Trim();
        if (!communes.ContainsKey(commune))
            problems.Add(new(DossierFields.Commune, "Choisissez votre commune de résidence dans la liste."));
        var me = HouseholdChecks.Adult(HouseholdWire.Form(request.Me ?? new HouseholdAdult()), ServiceDay.Today(time));
        problems.AddRange(me.Problems);
        if (problems.Count > 0) throw HouseholdErrors.Invalid(problems);

        var holder = HouseholdAdultRecord.From("a1", me.Valid, caller.AccountId);
        if (holder.Email.Length == 0) holder = holder with { Email = await AccountEmail(caller) };
        var draft = new HouseholdRecord("", commune, null, null, [holder], [], time.GetUtcNow(), caller.AccountId);
        var created = await grains.GetGrain<IHouseholdIndexGrain>(caller.AccountId).CreateHousehold(draft, []);
        logger.LogInformation("Dossier famille {HouseholdId} créé par le compte {AccountId} (commune {Commune})", created.HouseholdId, caller.AccountId, commune);
        return await Mine(caller, created);
    }

    public override async Task<MyHousehold> SaveHouseholdAdult(SaveHouseholdAdultRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var household = await directory.OfCitizen(caller) ?? throw HouseholdErrors.NoHousehold();
        var adult = HouseholdChecks.Adult(HouseholdWire.Form(request.Adult ?? new HouseholdAdult()), ServiceDay.Today(time));
        if (!adult.IsValid) throw HouseholdErrors.Invalid(adult.Problems);
        try
        {
            var saved = await grains.GetGrain<IHouseholdGrain>(household.HouseholdId)
                .SaveAdult(OperationId(request.OperationId), HouseholdAdultRecord.From(request.AdultId.Trim(), adult.Valid, accountId: null));
            return await Mine(caller, saved);
        }
        catch (DossierChangeRefusedException refused)
        {
            throw HouseholdErrors.Refused(refused.Message);
        }
    }

    public override async Task<HouseholdPrefill> GetHouseholdPrefill(GetHouseholdPrefillRequest request, ServerCallContext context) =>
        await prefill.ReadAsync(RequireCitizen(context));

    public override Task<DossierChangeKindList> ListDossierChangeKinds(ListDossierChangeKindsRequest request, ServerCallContext context)
    {
        callers.Require(context);
        var list = new DossierChangeKindList();
        list.Kinds.AddRange(DossierChangeKinds.All.Select(HouseholdWire.KindInfo));
        return Task.FromResult(list);
    }

    /// <summary>The household as its own citizen reads it: everything of their household, and of each child only the child.</summary>
    private async Task<MyHousehold> Mine(Caller caller, HouseholdRecord? household)
    {
        var communes = await directory.CommuneNames();
        if (household is null)
        {
            var none = new MyHousehold { Exists = false };
            none.Communes.AddRange(communes.OrderBy(c => c.Value, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), false))
                .Select(c => new HouseholdCommune { InseeCode = c.Key, Name = c.Value }));
            return none;
        }
        var children = await directory.Children(household);
        var requests = await directory.Requests(household);
        var mine = new MyHousehold
        {
            Exists = true,
            HouseholdId = household.HouseholdId,
            CommuneInseeCode = household.CommuneCode,
            CommuneName = communes.GetValueOrDefault(household.CommuneCode, household.CommuneCode),
            FamilyId = household.FamilyId ?? "",
            PendingChanges = requests.Count(r => !r.State.IsDecided()),
        };
        if (household.Address is { } address) mine.Address = HouseholdWire.Address(address);
        mine.Adults.AddRange(household.Adults.Select(a => HouseholdWire.Adult(a, caller.AccountId)));
        mine.Children.AddRange(children.Select(c => HouseholdWire.Child(c, household.HouseholdId)));
        return mine;
    }

    /// <summary>The household dossier is a citizen's: an agent, a kiosk or an administrator has none.</summary>
    private Caller RequireCitizen(ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role == CallerRole.Parent) return caller;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé un dossier famille de citoyen", caller.AccountId, caller.Role);
        throw Services.Mapping.WireErrors.PermissionDenied("Le dossier famille se consulte depuis un compte de parent.");
    }

    private async Task<string> AccountEmail(Caller caller) =>
        (await grains.GetGrain<IAccountGrain>(caller.AccountId).Get())?.Email ?? caller.AccountId;

    /// <summary>The caller's operation id; a call without one is applied once, as a new operation.</summary>
    private static string OperationId(string given) => string.IsNullOrWhiteSpace(given) ? Guid.NewGuid().ToString("N") : given.Trim();
}
