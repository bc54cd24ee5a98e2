using Orleans.Concurrency;

namespace CarteValoise.Grains.Demarches;

/// <summary>A citizen's démarches, keyed by account id: their drafts, and the references of their requests.</summary>
public interface ICitizenDemarchesGrain : IGrainWithStringKey
{
    Task<DraftRecord> SaveDraft(DraftRecord draft);

    [ReadOnly] Task<DraftRecord?> GetDraft(string draftId);

    [ReadOnly] Task<IReadOnlyList<DraftRecord>> Drafts();

    /// <summary>Idempotent: a draft gone is gone.</summary>
    Task RemoveDraft(string draftId);

    /// <summary>Lists a request (idempotent on its reference).</summary>
    Task AddRequest(CitizenRequestLine line);

    [ReadOnly] Task<IReadOnlyList<CitizenRequestLine>> Requests();
}
