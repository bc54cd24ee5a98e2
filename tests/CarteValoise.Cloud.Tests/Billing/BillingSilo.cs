using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Services.Billing;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace CarteValoise.Cloud.Tests.Billing;

/// <summary>
/// A silo with memory storage and a clock on Thursday 3 December 2026, the billing service over it,
/// and callers as the portal presents them. <see cref="NewCommune"/> makes a commune of its own for
/// a test, billing monthly, with family 001 (QF 300, Léa signed up for the canteen four days a week:
/// 17 days in November at 1,00 €) and family 002 (QF 700, Hugo signed up for Mondays: 5 in November at 2,50 €).
/// </summary>
public sealed class BillingSilo : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero));

    private InProcessTestCluster _cluster = null!;
    private SessionTokens _tokens = null!;

    public IGrainFactory Grains => _cluster.Client;

    public BillingService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainKeys.StorageName);
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Identity:TokenSigningKey", new string('7', 64))]).Build();
        _tokens = new SessionTokens(SessionKey.FromConfiguration(configuration, Path.GetTempPath()), Time);
        Service = new BillingService(Grains, new CallerResolver(_tokens), new AccessLog(Grains, Time, NullLogger<AccessLog>.Instance), NullLogger<BillingService>.Instance);
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    public CallContext Agent(string commune) => As(new Caller($"agent.{commune}", $"Agent de {commune}", CallerRole.Agent, new HashSet<string> { commune }, null));

    public CallContext Parent(string familyId) => As(new Caller($"parent.{familyId}", "Parent", CallerRole.Parent, new HashSet<string> { familyId[..5] }, familyId));

    public static CallContext Anonymous => new(null);

    private CallContext As(Caller caller) => new(_tokens.Issue(caller, TimeSpan.FromHours(1)).Token);

    private static int _next = 95000;

    public async Task<string> NewCommune(string name)
    {
        var code = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var profile = new CommuneProfile(code, name, [new TariffBracketRecord(500, 100), new TariffBracketRecord(1000, 250)], 400);
        var commune = Grains.GetGrain<ICommuneGrain>(code);
        await commune.Configure(profile);
        await commune.SaveCanteenRules(CanteenRulesMapping.Defaults(profile) with { BillingMode = BillingMode.MonthlyInvoice }, "test");
        var school = $"{code}-E1";
        await Grains.GetGrain<ISchoolGrain>(school).Configure(new SchoolProfile(school, "École", code));
        await commune.AddSchool(new SchoolRef(school, "École"));
        await Family(code, "001", "Martin", 300, "Léa", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        await Family(code, "002", "Bernard", 700, "Hugo", [DayOfWeek.Monday]);
        return code;
    }

    private async Task Family(string code, string number, string name, int quotient, string child, DayOfWeek[] canteenDays)
    {
        var familyId = $"{code}-F{number}";
        await Grains.GetGrain<IFamilyGrain>(familyId).Register(new FamilyProfile(familyId, name, code, quotient, "unused",
            Address: "3 rue des Lilas", PostalCode: "95000", City: "Cergy"));
        await Grains.GetGrain<IChildGrain>($"{familyId}-C1").Enrol(new ChildProfile($"{familyId}-C1", familyId, code, $"{code}-E1", child, name, "",
            StandingReservations: [new StandingReservation(SchoolService.Canteen, canteenDays)], CardStatus: CardStatus.None));
    }
}

[CollectionDefinition(Name)]
public sealed class BillingSiloCollection : ICollectionFixture<BillingSilo>
{
    public const string Name = "billing-service";
}
