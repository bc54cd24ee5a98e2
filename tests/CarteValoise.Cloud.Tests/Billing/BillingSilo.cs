using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Services.Billing;
using CarteValoise.Cloud.Tests.Testing;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CarteValoise.Cloud.Tests.Billing;

/// <summary>
/// A silo with memory storage and a clock on Thursday 3 December 2026, the billing service over it,
/// and callers as the portal presents them. <see cref="NewCommune"/> makes a commune of its own for
/// a test, billing monthly, with family 001 (QF 300, Léa signed up for the canteen four days a week:
/// 17 days in November at 1,00 €) and family 002 (QF 700, Hugo signed up for Mondays: 5 in November at 2,50 €).
/// </summary>
public sealed class BillingSilo() : TestSilo(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero))
{
    public BillingService Service { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new BillingService(Grains, new CallerResolver(Tokens), new AccessLog(Grains, Time, NullLogger<AccessLog>.Instance), NullLogger<BillingService>.Instance);
    }

    public CallContext Agent(string commune) => As(new Caller($"agent.{commune}", $"Agent de {commune}", CallerRole.Agent, new HashSet<string> { commune }, null));

    public CallContext Parent(string familyId) => As(new Caller($"parent.{familyId}", "Parent", CallerRole.Parent, new HashSet<string> { familyId[..5] }, familyId));

    public static CallContext Anonymous => new(null);

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
