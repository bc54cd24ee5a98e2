using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.Privacy;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Cloud.Tests.Testing;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Identity;
using CarteValoise.Grains.Schools;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CarteValoise.Cloud.Tests.Privacy;

/// <summary>
/// A silo with memory storage and a clock on Thursday 3 December 2026, «Mes données» over it with
/// the sections of this area plus a document-like section with files, a mail sender that keeps what
/// it sends, and callers as the portal presents them. <see cref="NewHousehold"/> makes a commune of
/// its own for a test with the Martin family: Léa (card, canteen four days a week, a meal on
/// 3 December 2026 at 12:05) and Hugo (no card), 20,00 € credited, and a November invoice.
/// </summary>
public sealed class PrivacySilo() : TestSilo(new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero), ("Portal:PublicUrl", "https://portail.exemple.fr"))
{
    public PersonalDataService Service { get; private set; } = null!;

    public AccessLog AccessLog { get; private set; } = null!;

    public RecordingMailSender Mail { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AccessLog = new AccessLog(Grains, Time, NullLogger<AccessLog>.Instance);
        var reader = new AccessLogReader(Grains);
        IPersonalDataSection[] sections =
        [
            new AccountDataSection(Grains),
            new FamilyDataSection(Grains, Time),
            new AccessLogSection(reader),
            new AccountClosureSection(Grains, Time),
            new SafeLikeSection(),
        ];
        Service = new PersonalDataService(Grains, new CallerResolver(Tokens), new PersonalDataCollector(sections, NullLogger<PersonalDataCollector>.Instance),
            reader, Mail, new PortalLinks(Configuration), Time, NullLogger<PersonalDataService>.Instance);
    }

    // Long enough for the tests that move the clock past a closure's 30 days.
    protected override TimeSpan SessionLength => TimeSpan.FromDays(400);

    public static Caller Agent(string commune, string name = "Agent de Cergy") =>
        new($"agent.{commune}@exemple.fr", name, CallerRole.Agent, new HashSet<string> { commune }, null);

    /// <summary>What the account keeps of the password: never to be found in the archive.</summary>
    public const string PasswordHash = "$argon2id$hash-du-mot-de-passe";

    private static int next = 96000;

    /// <summary>A commune of its own (named «Cergy» in the département's directory) and its Martin family, whose parent account is returned.</summary>
    public async Task<Household> NewHousehold()
    {
        var code = Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var profile = new CommuneProfile(code, "Cergy", [new TariffBracketRecord(500, 100), new TariffBracketRecord(1000, 250)], 400);
        var commune = Grains.GetGrain<ICommuneGrain>(code);
        await commune.Configure(profile);
        await commune.SaveCanteenRules(CanteenRulesMapping.Defaults(profile), "test");
        await Grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).RegisterCommune(code, "Cergy");
        var school = $"{code}-E1";
        await Grains.GetGrain<ISchoolGrain>(school).Configure(new SchoolProfile(school, "École des Touleuses", code));
        await commune.AddSchool(new SchoolRef(school, "École des Touleuses"));

        var familyId = $"{code}-F001";
        var family = Grains.GetGrain<IFamilyGrain>(familyId);
        await family.Register(new FamilyProfile(familyId, "Martin", code, 620, "unused", new DateOnly(2026, 9, 15),
            Address: "3 rue des Lilas", PostalCode: "95000", City: "Cergy", Phone: "0130000000", Email: "martin@exemple.fr"));
        await family.Credit($"credit-{familyId}", 2000, "Rechargement");
        var lea = Grains.GetGrain<IChildGrain>($"{familyId}-C1");
        await lea.Enrol(new ChildProfile($"{familyId}-C1", familyId, code, school, "Léa", "Martin", $"04{code}1001100",
            BirthDate: new DateOnly(2018, 4, 2), Class: "CE2",
            StandingReservations: [new StandingReservation(SchoolService.Canteen, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday])]));
        await Grains.GetGrain<IChildGrain>($"{familyId}-C2").Enrol(new ChildProfile($"{familyId}-C2", familyId, code, school, "Hugo", "Martin", "",
            BirthDate: new DateOnly(2021, 1, 20), Class: "PS", CardStatus: CardStatus.None));
        await lea.RecordTaps([new ChildTap($"{code}-B1:1", new DateTimeOffset(2026, 12, 3, 11, 5, 0, TimeSpan.Zero), school, TapService.Canteen, Served: true)]);
        await lea.Flush();
        await family.ReceiveInvoice(new IssuedInvoice($"{code}-2026-11-000001", familyId, "Martin", new DateOnly(2026, 11, 1),
            new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
            [new InvoiceLineRecord(new DateOnly(2026, 11, 2), $"{familyId}-C1", "Léa Martin", SchoolService.Canteen, "Repas", 250, 3)], [], 1));

        var email = $"parent.{code}@exemple.fr";
        await Grains.GetGrain<IAccountGrain>(email).Save(new AccountRecord(email, email, "Claire Martin", PasswordHash, CallerRole.Parent, [code], familyId));
        return new Household(code, familyId, new Caller(email, "Claire Martin", CallerRole.Parent, new HashSet<string> { code }, familyId));
    }
}

public sealed record Household(string Commune, string FamilyId, Caller Parent);

/// <summary>A section like the document safe's: data and files, two of them under the same name.</summary>
public sealed class SafeLikeSection : IPersonalDataSection
{
    /// <summary>Noise, which no compression shrinks: the archive must come in several chunks.</summary>
    public static readonly byte[] Large = Noise(200_000);

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(20261203).NextBytes(bytes);
        return bytes;
    }

    public string Name => "documents";

    public Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken) => Task.FromResult(new PersonalDataPart(
        new { Pieces = new[] { new { Type = "Justificatif de domicile", Date = new DateOnly(2026, 11, 2) } } },
        [
            new PersonalDataFile("../facture-edf.pdf", "application/pdf", "%PDF-1.7 edf"u8.ToArray()),
            new PersonalDataFile("facture-edf.pdf", "application/pdf", "%PDF-1.7 autre"u8.ToArray()),
            new PersonalDataFile("livret.png", "image/png", Large),
        ]));
}

public sealed class RecordingMailSender : IMailSender
{
    private readonly List<OutgoingMail> sent = [];

    public IReadOnlyList<OutgoingMail> To(string address)
    {
        lock (sent) return [.. sent.Where(m => m.To == address)];
    }

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        lock (sent) sent.Add(mail);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PrivacySiloCollection : ICollectionFixture<PrivacySilo>
{
    public const string Name = "personal-data-service";
}
