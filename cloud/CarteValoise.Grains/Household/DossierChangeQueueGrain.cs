using CarteValoise.Domain.Household;

namespace CarteValoise.Grains.Household;

[GenerateSerializer]
public sealed class DossierChangeQueueState
{
    /// <summary>The last number given in each year: references follow each other without gaps.</summary>
    [Id(0)] public Dictionary<int, int> LastNumberByYear { get; set; } = [];
    [Id(1)] public Dictionary<string, string> ReferenceBySubmission { get; set; } = [];
    [Id(2)] public List<DossierChangeSummary> Requests { get; set; } = [];
}

/// <summary>The only writer of its commune's dossier request numbers, and its agents' queue.</summary>
public sealed class DossierChangeQueueGrain(
    [PersistentState("dossierChangeQueue", GrainKeys.StorageName)] IPersistentState<DossierChangeQueueState> state) : Grain, IDossierChangeQueueGrain
{
    public async Task<string> Allocate(string submissionKey, int year)
    {
        if (state.State.ReferenceBySubmission.TryGetValue(submissionKey, out var known)) return known;
        var number = state.State.LastNumberByYear.GetValueOrDefault(year) + 1;
        var reference = new DossierReference(this.GetPrimaryKeyString(), year, number).ToString();
        state.State.LastNumberByYear[year] = number;
        state.State.ReferenceBySubmission[submissionKey] = reference;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.LastNumberByYear[year] = number - 1;
            state.State.ReferenceBySubmission.Remove(submissionKey);
            throw;
        }
        return reference;
    }

    public async Task Track(DossierChangeSummary summary)
    {
        var index = state.State.Requests.FindIndex(r => r.Reference == summary.Reference);
        var previous = index < 0 ? null : state.State.Requests[index];
        if (previous == summary) return;
        if (index < 0) state.State.Requests.Add(summary);
        else state.State.Requests[index] = summary;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (index < 0) state.State.Requests.Remove(summary);
            else state.State.Requests[index] = previous!;
            throw;
        }
    }

    public Task<IReadOnlyList<DossierChangeSummary>> List() =>
        Task.FromResult<IReadOnlyList<DossierChangeSummary>>([.. state.State.Requests.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Reference, StringComparer.Ordinal)]);
}
