using Orleans.Concurrency;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// A commune's démarches, keyed by INSEE code: every version of each definition, and which are
/// offered. A commune starts with the built-in catalogue, all offered, the first time it is read.
/// </summary>
public interface ICommuneDemarchesGrain : IGrainWithStringKey
{
    [ReadOnly] Task<IReadOnlyList<CatalogueEntry>> List();

    /// <summary>One version (the current one when <paramref name="version"/> is null); null when unknown.</summary>
    [ReadOnly] Task<DefinitionVersion?> Get(string demarcheId, int? version);

    /// <summary>Every version of a démarche, oldest first.</summary>
    [ReadOnly] Task<IReadOnlyList<DefinitionVersion>> History(string demarcheId);

    /// <summary>
    /// A new version from a JSON file (an edit or an import; a new id is a new démarche, offered):
    /// checked whole (<c>InvalidDemarcheException</c>, nothing saved); the same definition as the
    /// current version makes no new version and returns it.
    /// </summary>
    /// <param name="basedOnVersion">When given, the version the edit was made on: another current version refuses the save (<see cref="DemarcheRefusedException"/>).</param>
    Task<DefinitionVersion> Save(string json, string editorName, int? basedOnVersion = null);

    Task<CatalogueEntry> SetEnabled(string demarcheId, bool enabled, string editorName);
}
