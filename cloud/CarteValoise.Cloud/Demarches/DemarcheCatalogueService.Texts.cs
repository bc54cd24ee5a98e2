using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Grains.Demarches;
using Grpc.Core;
using DefinitionJson = CarteValoise.Domain.Demarches.DefinitionFile;
using TextsOfDefinition = CarteValoise.Domain.Demarches.DefinitionTexts;
using WireDefinitionFile = CarteValoise.Contracts.Demarches.DefinitionFile;
using WireDefinitionText = CarteValoise.Contracts.Demarches.DefinitionText;
using WireDefinitionTexts = CarteValoise.Contracts.Demarches.DefinitionTexts;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// A démarche's texts changed through a form rather than its JSON file: the texts of the current
/// version under their keys, and a new version with some of them changed, saved through the same
/// grain call as a file (so every check of a definition applies, and the same texts make no version).
/// </summary>
public sealed partial class DemarcheCatalogueService
{
    public override async Task<WireDefinitionTexts> GetDefinitionTexts(GetDefinitionRequest request, ServerCallContext context)
    {
        var commune = RequireEditor(callers.Require(context), request.CommuneInseeCode);
        var current = await Current(commune, request.DemarcheId);
        var texts = new WireDefinitionTexts { DemarcheId = current.DemarcheId, Version = current.Version };
        texts.Texts.AddRange(TextsOfDefinition.Of(DefinitionJson.Read(current.Json)).Select(text => new WireDefinitionText
        {
            Key = text.Key,
            Part = text.Part,
            Label = text.Label,
            Value = text.Value,
            Multiline = text.Multiline,
            Required = text.Required,
        }));
        return texts;
    }

    public override async Task<WireDefinitionFile> SaveDefinitionTexts(SaveDefinitionTextsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireEditor(caller, request.CommuneInseeCode);
        var current = await Current(commune, request.DemarcheId);
        // Texts read on an older version would silently undo what was saved since: the grain refuses them.
        var saved = await DemarcheWireErrors.Translated(() =>
        {
            var changed = TextsOfDefinition.Apply(DefinitionJson.Read(current.Json), request.Texts);
            return Commune(commune).Save(DefinitionJson.Write(changed), SignedBy.Of(caller), request.BasedOnVersion);
        });
        if (saved.Version != current.Version)
            logger.LogInformation("Démarche {Demarche} de la commune {Commune} : textes modifiés, version {Version} enregistrée par {AccountId}", saved.DemarcheId, commune, saved.Version, caller.AccountId);
        return await File(commune, saved);
    }

    private async Task<DefinitionVersion> Current(string commune, string demarcheId) =>
        await Commune(commune).Get(demarcheId.Trim(), null)
            ?? throw DemarcheWireErrors.Invalid("demarche", "Cette démarche n'est pas dans le catalogue de la commune.");
}
