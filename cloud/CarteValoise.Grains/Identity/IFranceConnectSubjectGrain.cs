using Orleans.Concurrency;
namespace CarteValoise.Grains.Identity;

/// <summary>The account a FranceConnect subject (stable per person for our client) signs in to, keyed by that subject.</summary>
public interface IFranceConnectSubjectGrain : IGrainWithStringKey
{
    [ReadOnly] Task<string?> GetAccount();

    /// <summary>Links the subject to the account unless it is already linked; returns the account it is linked to.</summary>
    Task<string> Link(string accountId);
}
