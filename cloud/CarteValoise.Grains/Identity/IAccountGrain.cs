namespace CarteValoise.Grains.Identity;

/// <summary>A person's account, keyed by lower-cased email: one account for every commune of the département.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task Save(AccountRecord account);
    Task<AccountRecord?> Get();
}
