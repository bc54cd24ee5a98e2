using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Identity.FranceConnect;
using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Cloud.Tests.Testing;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace CarteValoise.Cloud.Tests.SignIn;

/// <summary>
/// A silo with memory storage, and the Accounts service over it as the silo builds it, with the
/// FranceConnect verifier a test gives (or none) and the mails kept in a list.
/// </summary>
public sealed class AccountsSilo() : TestSilo(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero), ("Portal:PublicUrl", "https://portail.exemple.fr"))
{
    public const string Password = "Velo-Rouge-2026";

    public List<OutgoingMail> Mails { get; } = [];

    private readonly PasswordHasher _hasher = new();
    private string? _passwordHash;

    public AccountsService Service(params IFranceConnectVerifier[] verifiers) =>
        new(Grains, _hasher, Tokens, new CallerResolver(Tokens),
            new AccountMails(new ListMailSender(Mails), new PortalLinks(Configuration), NullLogger<AccountMails>.Instance),
            new TotpCodes(Time, new TotpSecretVault(Key)), verifiers, Time, Configuration, NullLogger<AccountsService>.Instance);

    /// <summary>A verified parent account with <see cref="Password"/>, as the platform saves one.</summary>
    public async Task<string> ParentAsync()
    {
        var email = $"{Guid.NewGuid():N}@exemple.fr";
        _passwordHash ??= _hasher.Hash(Password);
        await Grains.GetGrain<IAccountGrain>(email).Save(new AccountRecord(email, email, "Claire Martin", _passwordHash, CallerRole.Parent, [], null));
        return email;
    }

    public static CallContext Anonymous => new(null);

    public static CallContext With(Session session) => new(session.Token);

    private sealed class ListMailSender(List<OutgoingMail> mails) : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            lock (mails) mails.Add(mail);
            return Task.CompletedTask;
        }
    }
}
