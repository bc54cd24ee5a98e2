using Orleans.Concurrency;

namespace CarteValoise.Grains.Household;

/// <summary>One dossier change request, keyed by its reference («DOS-95127-2026-000012»).</summary>
public interface IDossierChangeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the request, lists it in its commune's queue and its household: the same submission
    /// again returns the request as it stands. Nothing of the household changes before a decision.
    /// </summary>
    Task<DossierChangeView> Submit(DossierChangeSubmission submission);

    [ReadOnly] Task<DossierChangeView?> Get();

    /// <summary>An agent opened the request: a submitted one is now in review.</summary>
    Task<DossierChangeView> Open(string agentAccountId, string agentName);

    /// <summary>
    /// Accepts (and applies) or refuses the request, once: a request decided already refuses any other
    /// decision (<see cref="DossierChangeRefusedException"/> naming who decided it and when), and
    /// returns the decision made when the same operation is sent again.
    /// </summary>
    Task<DossierChangeView> Decide(DossierDecision decision);

    /// <summary>Notes that a mail about the request went out, so that it goes out once.</summary>
    Task MarkMailed(DossierMail mail);
}
