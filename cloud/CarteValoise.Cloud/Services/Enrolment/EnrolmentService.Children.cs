using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Contracts.Families;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Cards;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Enrolment;

public sealed partial class EnrolmentService
{
    /// <summary>The longest period of taps read at once: a school year and a little more.</summary>
    public const int MaxTapDays = 400;
    /// <summary>The period read when the page gives none: the last four weeks.</summary>
    public const int DefaultTapDays = 28;

    public override async Task<FamilyDossier> SaveChild(SaveChildRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var family = await RequireFamily(caller, request.FamilyId);
        ChildProfile? known = null;
        if (!string.IsNullOrWhiteSpace(request.ChildId))
        {
            known = await RequireChild(caller, request.ChildId, "inscription d'un enfant");
            if (known.FamilyId != family.FamilyId) throw new RpcException(new Status(StatusCode.NotFound, "Enfant introuvable."));
        }

        var communeGrain = grains.GetGrain<ICommuneGrain>(family.CommuneCode);
        var schools = await communeGrain.GetSchools();
        var (details, problems) = ChildDetails.Read(request, ServiceDay.Today(time), schools, await RulesOrNull(communeGrain, schools));
        if (details is null) throw WireErrors.InvalidArgument(problems);

        var childId = known?.ChildId ?? await ids.NewChildId(family.CommuneCode);
        var profile = new ChildProfile(childId, family.FamilyId, family.CommuneCode, details.SchoolId, details.FirstName, details.LastName,
            known?.CardUid ?? "", details.BirthDate, details.Class, details.AllergyPlan, details.PaiHomeMeal, details.Standing,
            known?.CardStatus ?? CardStatus.None);
        await Guarded(() => grains.GetGrain<IChildGrain>(childId).Enrol(profile));
        await accessLog.RecordRead(caller, family.FamilyId, "dossier famille", $"inscription de {details.FirstName}");
        return await dossiers.Read(family);
    }

    /// <summary>
    /// The rules that say which services run where and when, to check standing days against. Rules
    /// that no longer map (a school removed since they were saved) check nothing here: the agent
    /// fixes them on the rules page, and the enrolment is not held hostage meanwhile.
    /// </summary>
    private async Task<CanteenRules?> RulesOrNull(ICommuneGrain commune, IReadOnlyList<SchoolRef> schools)
    {
        var version = await commune.GetCanteenRules();
        try
        {
            return version.Rules.ToDomain(schools);
        }
        catch (InvalidRulesException e)
        {
            logger.LogWarning("Règles de la commune {Commune} (version {Version}) inapplicables : {Problems}", commune.GetPrimaryKeyString(), version.Version, e.Message);
            return null;
        }
    }

    public override async Task<FamilyDossier> IssueCard(IssueCardRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var child = await RequireChild(caller, request.ChildId, "carte d'un enfant");
        if (!CardUid.TryParse(request.CardUid, out var uid))
            throw WireErrors.InvalidArgument(string.IsNullOrWhiteSpace(request.CardUid)
                ? "Indiquez le numéro de la carte, tel que le lecteur l'affiche."
                : $"« {request.CardUid.Trim()} » n'est pas un numéro de carte (4, 7 ou 10 octets en hexadécimal, par exemple 04A2B3C4D5E6F7).");
        await Guarded(() => grains.GetGrain<IChildGrain>(child.ChildId).IssueCard(uid.Value.Value));
        logger.LogInformation("Carte {CardUid} remise à {ChildId} par {AccountId}", uid.Value.Value, child.ChildId, caller.AccountId);
        await accessLog.RecordRead(caller, child.FamilyId, "dossier famille", $"carte remise à {child.FirstName}");
        return await DossierOf(child.FamilyId);
    }

    public override async Task<FamilyDossier> ReportCardLost(ReportCardLostRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var child = await RequireChild(caller, request.ChildId, "carte d'un enfant");
        if (child.CardStatus == CardStatus.None || string.IsNullOrEmpty(child.CardUid))
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{child.FirstName} n'a pas de carte : il n'y a rien à bloquer."));
        await Guarded(() => grains.GetGrain<IChildGrain>(child.ChildId).ReportCardLost());
        logger.LogInformation("Carte {CardUid} de {ChildId} signalée perdue par {AccountId}", child.CardUid, child.ChildId, caller.AccountId);
        await accessLog.RecordRead(caller, child.FamilyId, "dossier famille", $"carte de {child.FirstName} signalée perdue");
        return await DossierOf(child.FamilyId);
    }

    public override async Task<ChildTaps> GetChildTaps(GetChildTapsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var child = await RequireChild(caller, request.ChildId, "passages de carte");
        var today = ServiceDay.Today(time);
        var problems = new List<string>();
        var from = Day(request.From, "Début de la période", problems);
        var to = Day(request.To, "Fin de la période", problems);
        var last = to ?? today;
        var first = from ?? last.AddDays(1 - DefaultTapDays);
        if (problems.Count == 0 && first > last) problems.Add("La période commence après sa fin.");
        if (problems.Count == 0 && last.DayNumber - first.DayNumber + 1 > MaxTapDays)
            problems.Add($"Choisissez une période d'au plus {MaxTapDays} jours.");
        if (problems.Count > 0) throw WireErrors.InvalidArgument(problems);

        await accessLog.RecordRead(caller, child.FamilyId, $"passages de carte de {child.FirstName}", "consultation");
        var taps = await grains.GetGrain<IChildGrain>(child.ChildId).GetTapsBetween(first, last);
        var schools = (await grains.GetGrain<ICommuneGrain>(child.CommuneCode).GetSchools()).ToDictionary(s => s.SchoolId, s => s.Name);
        var reply = new ChildTaps { ChildId = child.ChildId, FirstName = child.FirstName, LastName = child.LastName };
        reply.Taps.AddRange(taps.Select(t => new CardTapSeen
        {
            ReadAt = Timestamp.FromDateTimeOffset(t.ReadAt),
            SchoolName = schools.GetValueOrDefault(t.SchoolId, t.SchoolId),
            Meal = t.Meal,
            Service = TapWording.Of(t.Service),
        }));
        return reply;
    }

    /// <summary>Null when not given (or unreadable, with the problem noted).</summary>
    private static DateOnly? Day(string text, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (WireDates.TryParse(text.Trim(), out var day)) return day;
        problems.Add($"{what} : {WireDates.Problem(text)}");
        return null;
    }

    private async Task<FamilyDossier> DossierOf(string familyId) =>
        await dossiers.Read((await grains.GetGrain<IFamilyGrain>(familyId).GetProfile())
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Famille introuvable.")));
}
