using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using Grpc.Core;
using CatalogueBase = CarteValoise.Contracts.Demarches.DemarcheCatalogue.DemarcheCatalogueBase;
using WireDefinitionFile = CarteValoise.Contracts.Demarches.DefinitionFile;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// A commune's definitions, for its agents in the back office: every démarche (offered or not), one
/// version as its JSON file with the history, a new version from a file (an edit or an import,
/// checked whole and saved only when valid), and which démarches citizens are offered.
/// </summary>
public sealed partial class DemarcheCatalogueService(
    IGrainFactory grains, CallerResolver callers, RequestDetails details, ILogger<DemarcheCatalogueService> logger) : CatalogueBase
{
    public override async Task<DefinitionList> ListDefinitions(ListDefinitionsRequest request, ServerCallContext context)
    {
        var commune = RequireEditor(callers.Require(context), request.CommuneInseeCode);
        var list = new DefinitionList { CommuneName = await details.CommuneName(commune) };
        list.Definitions.AddRange((await Commune(commune).List()).Select(Summary));
        return list;
    }

    public override async Task<WireDefinitionFile> GetDefinition(GetDefinitionRequest request, ServerCallContext context)
    {
        var commune = RequireEditor(callers.Require(context), request.CommuneInseeCode);
        var demarcheId = request.DemarcheId.Trim();
        var version = await Commune(commune).Get(demarcheId, request.Version > 0 ? request.Version : null)
            ?? throw DemarcheWireErrors.Invalid("demarche", request.Version > 0
                ? $"La version {request.Version} de cette démarche n'existe pas."
                : "Cette démarche n'est pas dans le catalogue de la commune.");
        return await File(commune, version);
    }

    public override async Task<WireDefinitionFile> SaveDefinition(SaveDefinitionRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireEditor(caller, request.CommuneInseeCode);
        if (string.IsNullOrWhiteSpace(request.Json)) throw DemarcheWireErrors.Invalid("definition", "Le fichier de la démarche est vide.");
        DefinitionVersion saved;
        try
        {
            saved = await Commune(commune).Save(request.Json, SignedBy.Of(caller));
        }
        catch (InvalidDemarcheException invalid)
        {
            // The file is one field of the page: each problem is said, all on the file.
            throw DemarcheWireErrors.Invalid([.. invalid.Problems.Select(p => p with { Field = "definition" })]);
        }
        catch (DemarcheRefusedException refused)
        {
            throw DemarcheWireErrors.Refused(refused.Message);
        }
        logger.LogInformation("Démarche {Demarche} de la commune {Commune} : version {Version} enregistrée par {AccountId}", saved.DemarcheId, commune, saved.Version, caller.AccountId);
        return await File(commune, saved);
    }

    public override async Task<DefinitionSummary> SetDemarcheEnabled(SetDemarcheEnabledRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireEditor(caller, request.CommuneInseeCode);
        var demarcheId = request.DemarcheId.Trim();
        if (!(await Commune(commune).List()).Any(e => e.DemarcheId == demarcheId))
            throw DemarcheWireErrors.Invalid("demarche", "Cette démarche n'est pas dans le catalogue de la commune.");
        var entry = await DemarcheWireErrors.Translated(() => Commune(commune).SetEnabled(demarcheId, request.Enabled, SignedBy.Of(caller)));
        logger.LogInformation("Démarche {Demarche} de la commune {Commune} {State} par {AccountId}", demarcheId, commune, request.Enabled ? "proposée" : "retirée", caller.AccountId);
        return Summary(entry);
    }

    private async Task<WireDefinitionFile> File(string commune, DefinitionVersion version)
    {
        var grain = Commune(commune);
        var entry = (await grain.List()).FirstOrDefault(e => e.DemarcheId == version.DemarcheId);
        var file = new WireDefinitionFile
        {
            Summary = entry is null ? null : Summary(entry),
            Json = version.Json,
            Version = version.Version,
        };
        file.History.AddRange((await grain.History(version.DemarcheId)).Select(v => new DefinitionVersionLine
        {
            Version = v.Version,
            SavedAt = DemarcheWire.Time(v.SavedAt),
            SavedBy = v.SavedBy,
        }));
        return file;
    }

    private static DefinitionSummary Summary(Grains.Demarches.CatalogueEntry entry) => new()
    {
        DemarcheId = entry.DemarcheId,
        Title = entry.Title,
        Category = entry.Category,
        Version = entry.CurrentVersion,
        Enabled = entry.Enabled,
        UpdatedAt = DemarcheWire.Time(entry.UpdatedAt),
        UpdatedBy = entry.UpdatedBy,
    };

    private ICommuneDemarchesGrain Commune(string commune) => grains.GetGrain<ICommuneDemarchesGrain>(commune);

    private string RequireEditor(Caller caller, string communeCode)
    {
        var commune = communeCode.Trim();
        if (AccessRules.CanEditDemarches(caller, commune)) return commune;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les définitions de la commune {Commune}", caller.AccountId, caller.Role, commune);
        throw DemarcheWireErrors.CommuneDenied();
    }
}
