using CarteValoise.Domain.Demarches;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Grains.Demarches;

[GenerateSerializer]
public sealed class CommuneDemarchesState
{
    /// <summary>In the order the commune got them: the built-in catalogue first, then its own.</summary>
    [Id(0)] public List<CommuneDemarcheRecord> Demarches { get; set; } = [];
}

[GenerateSerializer]
public sealed class CommuneDemarcheRecord
{
    [Id(0)] public string DemarcheId { get; set; } = "";
    /// <summary>Oldest first; the last is the current one.</summary>
    [Id(1)] public List<DefinitionVersion> Versions { get; set; } = [];
    [Id(2)] public bool Enabled { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// A commune's catalogue: every version of each démarche, as files that never change once saved,
/// and each démarche's current version read once per activation (listing the catalogue reads no JSON).
/// </summary>
public sealed class CommuneDemarchesGrain(
    [PersistentState("communeDemarches", GrainKeys.StorageName)] IPersistentState<CommuneDemarchesState> state,
    TimeProvider time,
    ILogger<CommuneDemarchesGrain> logger) : Grain, ICommuneDemarchesGrain
{
    public const string BuiltInAuthor = "CarteValoise";

    private readonly Dictionary<string, DemarcheDefinition> _current = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var record in state.State.Demarches)
        {
            try
            {
                _current[record.DemarcheId] = DefinitionFile.Parse(record.Versions[^1].Json);
            }
            catch (InvalidDemarcheException e)
            {
                // A version saved under older rules: its requests still read it; the catalogue leaves it out until an administrator saves it again.
                logger.LogWarning(e, "La démarche {DemarcheId} de la commune {Commune} ne se relit plus.", record.DemarcheId, this.GetPrimaryKeyString());
            }
        }
        await AddMissingBuiltIns();
        await UpdateUntouchedBuiltIns();
    }

    /// <summary>
    /// A built-in démarche the commune never edited follows the built-in catalogue: a newer built-in
    /// (a new move, a corrected text) becomes its next version at the next activation. One the
    /// commune edited keeps its own; its administrators may import the new built-in themselves.
    /// </summary>
    private async Task UpdateUntouchedBuiltIns()
    {
        var at = time.GetUtcNow();
        var appended = new List<(CommuneDemarcheRecord Record, DefinitionVersion Version, DemarcheDefinition Definition)>();
        foreach (var builtIn in BuiltInCatalogue.All())
        {
            if (Find(builtIn.Id) is not { } record || record.Versions.Any(v => v.SavedBy != BuiltInAuthor)) continue;
            var current = record.Versions[^1];
            var definition = builtIn with { Version = current.Version + 1 };
            if (DefinitionFile.Write(builtIn with { Version = current.Version }) == current.Json) continue;
            var version = new DefinitionVersion(builtIn.Id, definition.Version, DefinitionFile.Write(definition), at, BuiltInAuthor);
            record.Versions.Add(version);
            appended.Add((record, version, definition));
        }
        if (appended.Count == 0) return;
        await Write(() => appended.ForEach(a => a.Record.Versions.Remove(a.Version)));
        foreach (var (record, _, definition) in appended) _current[record.DemarcheId] = definition;
        logger.LogInformation("Commune {Commune} : {Count} démarche(s) du catalogue intégré mise(s) à jour ({Ids}).",
            this.GetPrimaryKeyString(), appended.Count, string.Join(", ", appended.Select(a => a.Record.DemarcheId)));
    }

    /// <summary>A commune starts with the built-in catalogue; a démarche added to it later reaches every commune at its next activation.</summary>
    private async Task AddMissingBuiltIns()
    {
        var known = state.State.Demarches.Select(d => d.DemarcheId).ToHashSet(StringComparer.Ordinal);
        var added = new List<(CommuneDemarcheRecord Record, DemarcheDefinition Definition)>();
        var at = time.GetUtcNow();
        foreach (var builtIn in BuiltInCatalogue.All().Where(d => !known.Contains(d.Id)))
        {
            var definition = builtIn with { Version = 1 };
            var record = new CommuneDemarcheRecord
            {
                DemarcheId = definition.Id,
                Versions = [new DefinitionVersion(definition.Id, 1, DefinitionFile.Write(definition), at, BuiltInAuthor)],
                Enabled = true,
                UpdatedAt = at,
                UpdatedBy = BuiltInAuthor,
            };
            added.Add((record, definition));
            state.State.Demarches.Add(record);
        }
        if (added.Count == 0) return;
        await Write(() => state.State.Demarches.RemoveAll(record => added.Any(a => a.Record == record)));
        foreach (var (record, definition) in added) _current[record.DemarcheId] = definition;
    }

    public Task<IReadOnlyList<CatalogueEntry>> List() =>
        Task.FromResult<IReadOnlyList<CatalogueEntry>>([.. state.State.Demarches.Where(d => _current.ContainsKey(d.DemarcheId)).Select(Entry)]);

    public Task<DefinitionVersion?> Get(string demarcheId, int? version)
    {
        var record = Find(demarcheId);
        var found = record is null ? null
            : version is { } number ? record.Versions.FirstOrDefault(v => v.Version == number)
            : record.Versions[^1];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DefinitionVersion>> History(string demarcheId) =>
        Task.FromResult<IReadOnlyList<DefinitionVersion>>(Find(demarcheId) is { } record ? [.. record.Versions] : []);

    public async Task<DefinitionVersion> Save(string json, string editorName, int? basedOnVersion = null)
    {
        var parsed = DefinitionFile.Parse(json);
        var record = Find(parsed.Id);
        var current = record?.Versions[^1];
        // Checked here, where saves run one at a time: an edit of an older version would silently undo what was saved since.
        if (basedOnVersion is { } based && based != (current?.Version ?? 0))
            throw new DemarcheRefusedException($"La démarche a été modifiée entre-temps (version {current?.Version ?? 0}) : rechargez la page.");
        if (current is not null && _current.TryGetValue(parsed.Id, out var held)
            && DefinitionFile.Write(held with { Version = current.Version }) == DefinitionFile.Write(parsed with { Version = current.Version }))
            return current;

        var definition = parsed with { Version = (current?.Version ?? 0) + 1 };
        var at = time.GetUtcNow();
        var saved = new DefinitionVersion(definition.Id, definition.Version, DefinitionFile.Write(definition), at, editorName.Trim());
        if (record is null)
        {
            record = new CommuneDemarcheRecord { DemarcheId = definition.Id, Versions = [saved], Enabled = true, UpdatedAt = at, UpdatedBy = saved.SavedBy };
            state.State.Demarches.Add(record);
            await Write(() => state.State.Demarches.Remove(record));
        }
        else
        {
            var (updatedAt, updatedBy) = (record.UpdatedAt, record.UpdatedBy);
            record.Versions.Add(saved);
            (record.UpdatedAt, record.UpdatedBy) = (at, saved.SavedBy);
            await Write(() =>
            {
                record.Versions.Remove(saved);
                (record.UpdatedAt, record.UpdatedBy) = (updatedAt, updatedBy);
            });
        }
        _current[definition.Id] = definition;
        return saved;
    }

    public async Task<CatalogueEntry> SetEnabled(string demarcheId, bool enabled, string editorName)
    {
        var record = Find(demarcheId);
        if (record is null || !_current.ContainsKey(demarcheId)) throw new DemarcheRefusedException($"La démarche « {demarcheId} » n'existe pas dans cette commune.");
        if (record.Enabled == enabled) return Entry(record);
        var (updatedAt, updatedBy) = (record.UpdatedAt, record.UpdatedBy);
        (record.Enabled, record.UpdatedAt, record.UpdatedBy) = (enabled, time.GetUtcNow(), editorName.Trim());
        await Write(() => (record.Enabled, record.UpdatedAt, record.UpdatedBy) = (!enabled, updatedAt, updatedBy));
        return Entry(record);
    }

    private CommuneDemarcheRecord? Find(string demarcheId) => state.State.Demarches.FirstOrDefault(d => d.DemarcheId == demarcheId);

    private CatalogueEntry Entry(CommuneDemarcheRecord record)
    {
        var definition = _current[record.DemarcheId];
        return new CatalogueEntry(record.DemarcheId, definition.Title, definition.Summary, definition.Category, record.Versions[^1].Version,
            record.Enabled, record.UpdatedAt, record.UpdatedBy);
    }

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
