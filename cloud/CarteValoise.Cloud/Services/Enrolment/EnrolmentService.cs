using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using Grpc.Core;
using EnrolmentContract = CarteValoise.Contracts.Enrolment.Enrolment;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// The agents' side of families: enrol families and children by hand or from a file, set a
/// quotient familial, issue and block cards, read a child's taps. Agents of the family's commune
/// only: another commune's family or child looks unknown (NOT_FOUND), and the attempt is written
/// to that family's access log. Bad input is INVALID_ARGUMENT with every problem in French, one per
/// line, and nothing written.
/// </summary>
public sealed partial class EnrolmentService(
    IGrainFactory grains,
    CallerResolver callers,
    AccessLog accessLog,
    DossierReader dossiers,
    FamilyIds ids,
    ImportStore imports,
    FamilyImportWriter importWriter,
    TimeProvider time,
    ILogger<EnrolmentService> logger) : EnrolmentContract.EnrolmentBase
{
    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 500;

    public override async Task<FamilyList> ListFamilies(ListFamiliesRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        var familyIds = await grains.GetGrain<ICommuneGrain>(commune).GetFamilyIds();
        var families = (await Task.WhenAll(familyIds.Select(id => grains.GetGrain<IFamilyGrain>(id).GetProfile())))
            .OfType<FamilyProfile>().Where(f => f.CommuneCode == commune).ToList();
        var search = TextKey.Of(request.Search);
        var matches = search.Length == 0
            ? families
            : (await Task.WhenAll(families.Select(async f => (Family: f, Matches: await Matches(f, search))))).Where(m => m.Matches).Select(m => m.Family).ToList();
        var limit = request.Limit <= 0 ? DefaultListLimit : Math.Min(request.Limit, MaxListLimit);
        var shown = matches.OrderBy(f => TextKey.Of(f.Name), StringComparer.Ordinal).ThenBy(f => f.FamilyId, StringComparer.Ordinal).Take(limit).ToList();

        var reply = new FamilyList { Total = matches.Count };
        reply.Families.AddRange(await Task.WhenAll(shown.Select(async f =>
        {
            var grain = grains.GetGrain<IFamilyGrain>(f.FamilyId);
            var children = grain.GetChildIds();
            var account = await grain.GetAccount();
            return new FamilyListItem
            {
                FamilyId = f.FamilyId,
                Name = f.Name,
                Children = (await children).Count,
                QuotientFamilial = f.QuotientFamilial ?? -1,
                BalanceCents = account.BalanceCents,
            };
        })));
        return reply;
    }

    /// <summary>A family name, an id, a former number, or a child's name holds the search, whatever the case and accents.</summary>
    private async Task<bool> Matches(FamilyProfile family, string search)
    {
        if (TextKey.Of(family.Name).Contains(search, StringComparison.Ordinal)
            || TextKey.Of(family.FamilyId).Contains(search, StringComparison.Ordinal)
            || (family.FormerNumber.Length > 0 && TextKey.Of(family.FormerNumber).Contains(search, StringComparison.Ordinal)))
            return true;
        var grain = grains.GetGrain<IFamilyGrain>(family.FamilyId);
        var children = await Task.WhenAll((await grain.GetChildIds()).Select(id => grains.GetGrain<IChildGrain>(id).GetProfile()));
        return children.OfType<ChildProfile>().Any(c =>
            TextKey.Of($"{c.FirstName} {c.LastName}").Contains(search, StringComparison.Ordinal)
            || TextKey.Of($"{c.LastName} {c.FirstName}").Contains(search, StringComparison.Ordinal));
    }

    public override async Task<FamilyDossier> GetFamilyDossier(GetFamilyDossierRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var family = await RequireFamily(caller, request.FamilyId);
        await accessLog.RecordRead(caller, family.FamilyId, "dossier famille", string.IsNullOrWhiteSpace(request.Reason) ? "consultation" : request.Reason.Trim());
        return await dossiers.Read(family);
    }

    public override async Task<FamilyDossier> SaveFamily(SaveFamilyRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var creating = string.IsNullOrWhiteSpace(request.FamilyId);
        if (creating && string.IsNullOrWhiteSpace(request.CommuneInseeCode))
            throw WireErrors.InvalidArgument("Indiquez la commune de la famille.");
        var known = creating ? null : await RequireFamily(caller, request.FamilyId);
        var commune = known?.CommuneCode ?? RequireCommune(caller, request.CommuneInseeCode);
        var (details, problems) = FamilyDetails.Read(request);
        if (details is null) throw WireErrors.InvalidArgument(problems);

        FamilyProfile saved;
        if (known is null)
        {
            var familyId = await Guarded(() => ids.RegisterNewFamily(commune, id => new FamilyProfile(id, details.Name, commune, null, "",
                Address: details.Address, PostalCode: details.PostalCode, City: details.City, Phone: details.Phone, Email: details.Email,
                LivesOutsideCommune: details.LivesOutsideCommune)));
            logger.LogInformation("Famille {FamilyId} créée par {AccountId}", familyId, caller.AccountId);
            saved = (await grains.GetGrain<IFamilyGrain>(familyId).GetProfile())!;
        }
        else
        {
            saved = known with
            {
                Name = details.Name, Address = details.Address, PostalCode = details.PostalCode, City = details.City,
                Phone = details.Phone, Email = details.Email, LivesOutsideCommune = details.LivesOutsideCommune,
            };
            await Guarded(() => grains.GetGrain<IFamilyGrain>(known.FamilyId).Register(saved));
            await accessLog.RecordRead(caller, known.FamilyId, "dossier famille", "modification des coordonnées");
        }
        return await dossiers.Read(saved);
    }

    public override async Task<FamilyDossier> SetQuotientFamilial(SetQuotientFamilialRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var family = await RequireFamily(caller, request.FamilyId);
        var problems = new List<string>();
        if (QuotientFamilialRange.ProblemWith(request.QuotientFamilial) is { } outOfRange) problems.Add(outOfRange);
        if (string.IsNullOrWhiteSpace(request.JustifiedOn)) problems.Add("Indiquez la date du justificatif du quotient familial (attestation CAF, avis d'imposition).");
        else if (!WireDates.TryParse(request.JustifiedOn.Trim(), out _)) problems.Add($"Date du justificatif « {request.JustifiedOn} » invalide : attendu AAAA-MM-JJ.");
        if (problems.Count > 0) throw WireErrors.InvalidArgument(problems);

        var grain = grains.GetGrain<IFamilyGrain>(family.FamilyId);
        await Guarded(() => grain.SetQuotientFamilial(request.QuotientFamilial, WireDates.Parse(request.JustifiedOn.Trim())));
        await accessLog.RecordRead(caller, family.FamilyId, "dossier famille", "modification du quotient familial");
        return await dossiers.Read((await grain.GetProfile())!);
    }

    /// <summary>
    /// The commune's own data: agents of that commune only. Refused as PERMISSION_DENIED, as the
    /// canteen service does: the agent names the commune, so there is nothing to hide about it.
    /// </summary>
    private string RequireCommune(Caller caller, string communeCode)
    {
        if (!string.IsNullOrWhiteSpace(communeCode) && AccessRules.CanReadCommune(caller, communeCode.Trim())) return communeCode.Trim();
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les familles de la commune {Commune}", caller.AccountId, caller.Role, communeCode);
        throw WireErrors.PermissionDenied("Accès refusé aux données de cette commune.");
    }

    /// <summary>A family of one of the agent's communes; any other looks unknown, and the attempt goes to its access log.</summary>
    private async Task<FamilyProfile> RequireFamily(Caller caller, string familyId)
    {
        var family = string.IsNullOrWhiteSpace(familyId) ? null : await grains.GetGrain<IFamilyGrain>(familyId.Trim()).GetProfile();
        if (family is not null && AccessRules.CanReadCommune(caller, family.CommuneCode)) return family;
        if (family is not null) await accessLog.RecordRefusal(caller, family.FamilyId, "dossier famille");
        throw new RpcException(new Status(StatusCode.NotFound, "Famille introuvable."));
    }

    /// <summary>A child of one of the agent's communes; any other looks unknown, and the attempt goes to its family's access log.</summary>
    private async Task<ChildProfile> RequireChild(Caller caller, string childId, string what)
    {
        var child = string.IsNullOrWhiteSpace(childId) ? null : await grains.GetGrain<IChildGrain>(childId.Trim()).GetProfile();
        if (child is not null && AccessRules.CanReadCommune(caller, child.CommuneCode)) return child;
        if (child is not null) await accessLog.RecordRefusal(caller, child.FamilyId, what);
        throw new RpcException(new Status(StatusCode.NotFound, "Enfant introuvable."));
    }

    /// <summary>A grain's refusal is the agent's to read: its French message, as INVALID_ARGUMENT or FAILED_PRECONDITION.</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ArgumentException e)
        {
            throw WireErrors.InvalidArgument(MessageOf(e));
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }

    private static Task Guarded(Func<Task> call) => Guarded(async () =>
    {
        await call();
        return true;
    });

    /// <summary>The sentence without the «(Parameter 'x')» .NET appends when the exception names a parameter.</summary>
    private static string MessageOf(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}
