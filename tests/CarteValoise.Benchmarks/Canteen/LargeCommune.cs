using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Identity;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// A large commune of the Val d'Oise as the issue sizes it, made up the same way at every run: its
/// schools, its families (siblings at one school), its children and what each is signed up for.
/// It bills monthly, so that a month's close has every family to invoice.
/// </summary>
public sealed class LargeCommune
{
    /// <summary>A code no commune of the Val d'Oise has.</summary>
    public const string InseeCode = "95999";
    public const string Name = "Grandeville";
    public const string AgentLogin = "agent.grandeville@banc.cartevaloise.fr";
    /// <summary>The demo agent whose password (and so its hash) the benchmark's agent borrows.</summary>
    public const string DemoAgentLogin = "agent.argenteuil@demo.cartevaloise.fr";
    public const string AgentPassword = "Demo-Agent-2026!";
    private const string SeededBy = "Banc d'essai cantine";

    private static readonly string[] LastNames =
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
         "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Andre", "Diallo"];
    private static readonly string[] FirstNames =
        ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Nathan", "Jade", "Adam", "Manon", "Rayan", "Camille", "Louis",
         "Sarah", "Gabriel", "Lina", "Arthur", "Zoé", "Noah", "Alice", "Yanis", "Emma", "Sacha", "Nour", "Jules"];
    private static readonly string[] Classes = ["CP", "CE1", "CE2", "CM1", "CM2"];
    private static readonly DayOfWeek[] FourDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public LargeCommune(CanteenBenchOptions options)
    {
        Schools = [.. Enumerable.Range(1, options.Schools).Select(s => new SchoolRef($"{InseeCode}-E{s:D2}", $"École élémentaire n° {s} de {Name}"))];
        Families = [.. Enumerable.Range(1, options.Families).Select(f => new FamilyProfile(
            $"{InseeCode}-F{f:D4}", $"{LastNames[f % LastNames.Length]}-{f}", InseeCode,
            QuotientFamilial: 300 + (int)(Draw.Share(f, 7) * 2200), KioskPinHash: "",
            QuotientFamilialJustifiedOn: new DateOnly(2026, 9, 15)))];
        Children = [.. Enumerable.Range(1, options.Children).Select(c =>
        {
            // Family after family, round the families again: the first ones get a second child.
            var family = (c - 1) % options.Families;
            var canteen = Draw.Share(c, 1) < options.CanteenShare;
            return new Child(
                c,
                new ChildProfile(
                    $"{InseeCode}-C{c:D5}",
                    Families[family].FamilyId,
                    InseeCode,
                    Schools[family % Schools.Count].SchoolId,
                    FirstNames[c % FirstNames.Length],
                    Families[family].Name,
                    CardUid: $"04{InseeCode}{c:D7}",
                    Class: Classes[c % Classes.Length],
                    AllergyPlan: Draw.Share(c, 4) < 0.03,
                    StandingReservations: Standing(canteen, Draw.Share(c, 3) < 0.08, Draw.Share(c, 2) < 0.15)),
                canteen,
                MorningCare: Draw.Share(c, 3) < 0.08,
                EveningCare: Draw.Share(c, 2) < 0.15);
        })];
    }

    public IReadOnlyList<SchoolRef> Schools { get; }

    public IReadOnlyList<FamilyProfile> Families { get; }

    public IReadOnlyList<Child> Children { get; }

    /// <summary>A child and the services they are signed up for every class day.</summary>
    public sealed record Child(int Number, ChildProfile Profile, bool Canteen, bool MorningCare, bool EveningCare);

    /// <summary>The commune, its schools, and its rules: the defaults, billed monthly.</summary>
    public async Task<CanteenRules> CreateAsync(IGrainFactory grains)
    {
        var profile = new CommuneProfile(InseeCode, Name,
            [new TariffBracketRecord(500, 90), new TariffBracketRecord(900, 230), new TariffBracketRecord(1400, 360)], 470);
        var commune = grains.GetGrain<ICommuneGrain>(InseeCode);
        await commune.Configure(profile);
        await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).RegisterCommune(InseeCode, Name);
        await Task.WhenAll(Schools.Select(s => grains.GetGrain<ISchoolGrain>(s.SchoolId).Configure(new SchoolProfile(s.SchoolId, s.Name, InseeCode))));
        foreach (var school in Schools) await commune.AddSchool(school);
        var saved = await commune.SaveCanteenRules(CanteenRulesMapping.Defaults(profile) with { BillingMode = BillingMode.MonthlyInvoice }, SeededBy);
        return saved.Rules.ToDomain(Schools);
    }

    public Task RegisterFamiliesAsync(IGrainFactory grains, int parallelism) =>
        Parallel.ForEachAsync(Families, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (family, _) => await grains.GetGrain<IFamilyGrain>(family.FamilyId).Register(family));

    /// <summary>Each child through its own grain, which carries them to their family, card, school roster and commune.</summary>
    public Task EnrolChildrenAsync(IGrainFactory grains, int parallelism) =>
        Parallel.ForEachAsync(Children, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (child, _) => await grains.GetGrain<IChildGrain>(child.Profile.ChildId).Enrol(child.Profile));

    /// <summary>An agent of this commune only, who signs in with the demo agents' password.</summary>
    public static async Task CreateAgentAsync(IGrainFactory grains)
    {
        var demo = await grains.GetGrain<IAccountGrain>(DemoAgentLogin).Get()
            ?? throw new InvalidOperationException($"The demo seed has no {DemoAgentLogin}: its password hash is borrowed for the benchmark's agent.");
        await grains.GetGrain<IAccountGrain>(AgentLogin).Save(
            new AccountRecord(AgentLogin, AgentLogin, $"Agent de {Name}", demo.PasswordHash, CallerRole.Agent, [InseeCode], null));
    }

    private static List<StandingReservation> Standing(bool canteen, bool morning, bool evening)
    {
        var standing = new List<StandingReservation>();
        if (canteen) standing.Add(new StandingReservation(SchoolService.Canteen, FourDays));
        if (morning) standing.Add(new StandingReservation(SchoolService.MorningCare, FourDays));
        if (evening) standing.Add(new StandingReservation(SchoolService.EveningCare, FourDays));
        return standing;
    }
}

/// <summary>Reproducible draws: the same child and day get the same answer at every run.</summary>
public static class Draw
{
    /// <summary>A number in [0, 1) from the key and the question asked of it (SplitMix64).</summary>
    public static double Share(long key, int question)
    {
        var z = (ulong)key * 0x9E3779B97F4A7C15UL + (ulong)question * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
