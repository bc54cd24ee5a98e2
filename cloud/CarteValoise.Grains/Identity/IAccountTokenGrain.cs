using Orleans.Concurrency;
namespace CarteValoise.Grains.Identity;

/// <summary>
/// Which account issued a one-time token, keyed by the token's hash: a link carries the token only
/// (no address in the URL), and the account itself decides whether the token is still good.
/// </summary>
public interface IAccountTokenGrain : IGrainWithStringKey
{
    Task Bind(string accountId, DateTimeOffset expiresAt);

    /// <summary>The account, or null when the token is unknown or past its expiry.</summary>
    [ReadOnly] Task<string?> GetAccount();

    /// <summary>Drops the entry once the token is spent.</summary>
    Task Forget();
}
