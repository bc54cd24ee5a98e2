using CarteValoise.Domain.Access;
using CarteValoise.Grains.Identity;

namespace CarteValoise.Grains.Tests.Accounts;

/// <summary>Fresh accounts of a test's own (a unique address each), and sessions and proofs to hand them.</summary>
internal static class TestAccounts
{
    public static AccountRecord NewParent(string? email = null)
    {
        email ??= $"{Guid.NewGuid():N}@exemple.fr";
        return new AccountRecord(email, email, "Camille Martin", "argon2id$m=19456,t=2,p=1$c2VsZA==$aGFzaA==", CallerRole.Parent, [], null);
    }

    public static async Task<(IAccountGrain Grain, AccountRecord Record)> RegisteredAsync(IGrainFactory grains)
    {
        var record = NewParent();
        var grain = grains.GetGrain<IAccountGrain>(record.AccountId);
        Assert.True(await grain.Register(record));
        return (grain, record);
    }

    public static SessionRecord Session(DateTimeOffset now, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), "mot de passe", now, now.AddHours(8), "Firefox", "192.0.2.10");

    public static string Hash(string name) => $"hash-{name}-{Guid.NewGuid():N}";
}
