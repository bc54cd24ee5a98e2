using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Identity.FranceConnect;
using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Grains;
using CarteValoise.Grains.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace CarteValoise.Cloud.Tests.SignIn;

/// <summary>
/// A silo with memory storage, and the Accounts service over it as the silo builds it, with the
/// FranceConnect verifier a test gives (or none) and the mails kept in a list.
/// </summary>
public sealed class AccountsSilo : IAsyncLifetime
{
    public const string Password = "Velo-Rouge-2026";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero));

    public List<OutgoingMail> Mails { get; } = [];

    private InProcessTestCluster _cluster = null!;
    private IConfiguration _configuration = null!;
    private SessionKey _key = null!;
    private SessionTokens _tokens = null!;
    private readonly PasswordHasher _hasher = new();
    private string? _passwordHash;

    public IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainKeys.StorageName);
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("Identity:TokenSigningKey", new string('7', 64)),
            new("Portal:PublicUrl", "https://portail.exemple.fr"),
        ]).Build();
        _key = SessionKey.FromConfiguration(_configuration, Path.GetTempPath());
        _tokens = new SessionTokens(_key, Time);
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    public AccountsService Service(params IFranceConnectVerifier[] verifiers) =>
        new(Grains, _hasher, _tokens, new CallerResolver(_tokens),
            new AccountMails(new ListMailSender(Mails), new PortalLinks(_configuration), NullLogger<AccountMails>.Instance),
            new TotpCodes(Time, new TotpSecretVault(_key)), verifiers, Time, _configuration, NullLogger<AccountsService>.Instance);

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
