using System.Collections.Concurrent;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// A commune's definitions as the services read them, parsed once per version: a saved version never
/// changes, so a parsed one is kept for the life of the silo (a few hundred at most).
/// </summary>
public sealed class DemarcheDefinitions(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, DemarcheDefinition> _parsed = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<CatalogueEntry>> Catalogue(string communeCode) => grains.GetGrain<ICommuneDemarchesGrain>(communeCode).List();

    /// <summary>The current version (<paramref name="version"/> null) or the one asked; null when unknown.</summary>
    public async Task<DemarcheDefinition?> Get(string communeCode, string demarcheId, int? version)
    {
        if (version is { } pinned && _parsed.TryGetValue(Key(communeCode, demarcheId, pinned), out var known)) return known;
        var stored = await grains.GetGrain<ICommuneDemarchesGrain>(communeCode).Get(demarcheId, version);
        return stored is null ? null : Parsed(communeCode, stored);
    }

    /// <summary>The version a request was filed under.</summary>
    public async Task<DemarcheDefinition> Of(RequestSubmission submission) =>
        await Get(submission.CommuneCode, submission.DemarcheId, submission.Version)
        ?? throw new InvalidOperationException($"La version {submission.Version} de la démarche {submission.DemarcheId} de la commune {submission.CommuneCode} manque : la demande {submission.Reference} ne peut pas être lue.");

    public DemarcheDefinition Parsed(string communeCode, DefinitionVersion stored) =>
        _parsed.GetOrAdd(Key(communeCode, stored.DemarcheId, stored.Version), _ => DefinitionFile.Parse(stored.Json) with { Version = stored.Version });

    private static string Key(string communeCode, string demarcheId, int version) => $"{communeCode}/{demarcheId}/{version}";
}
