using Orleans.Concurrency;

namespace CarteValoise.Grains.DocumentSafe;

/// <summary>
/// The copies submitted with one request, keyed by the request reference: how an agent, who knows
/// the request and not the citizen's account, finds whose copy to read.
/// </summary>
public interface ISubmittedDocumentsGrain : IGrainWithStringKey
{
    /// <summary>Records the request's copies (again: idempotent). Refused if another account already submitted under this reference.</summary>
    Task Record(IReadOnlyList<FrozenCopy> copies);

    [ReadOnly]
    Task<IReadOnlyList<FrozenCopy>> Get();
}
