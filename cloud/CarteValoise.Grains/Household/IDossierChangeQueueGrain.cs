using Orleans.Concurrency;

namespace CarteValoise.Grains.Household;

/// <summary>A commune's dossier change requests, keyed by INSEE code: their numbering and the agents' queue.</summary>
public interface IDossierChangeQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// The reference of the request submitted under <paramref name="submissionKey"/>: a new number of
    /// the year, without gaps, the first time; the same reference when asked again.
    /// </summary>
    Task<string> Allocate(string submissionKey, int year);

    /// <summary>Adds the request to the queue, or updates its line.</summary>
    Task Track(DossierChangeSummary summary);

    /// <summary>Every request of the commune, newest first.</summary>
    [ReadOnly] Task<IReadOnlyList<DossierChangeSummary>> List();
}
