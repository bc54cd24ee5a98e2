using CarteValoise.Cloud.Services.Enrolment;
using CarteValoise.Contracts.Canteen;
using CanteenRules = CarteValoise.Domain.Canteen.CanteenRules;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using Xunit;

namespace CarteValoise.Cloud.Tests.Enrolment;

public sealed class ChildDetailsTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    private static readonly SchoolRef[] Schools = [new("95127-E1", "École élémentaire des Touleuses"), new("95127-E2", "École élémentaire du Ponceau")];

    /// <summary>What a commune starts with: canteen and care on Monday, Tuesday, Thursday and Friday, Wednesday care on Wednesdays, in every school.</summary>
    private static readonly CanteenRules Rules = CanteenRulesMapping
        .Defaults(new CommuneProfile("95127", "Cergy", [new TariffBracketRecord(500, 95)], 455))
        .ToDomain(Schools);

    [Fact]
    public void A_child_is_enrolled_with_tidy_names_and_standing_days_in_week_order()
    {
        var request = Request();
        request.FirstName = "  Léa ";
        request.Standing.Add(Standing(SchoolServiceKind.SchoolServiceCanteen, 5, 1, 2, 4, 1));
        request.Standing.Add(Standing(SchoolServiceKind.SchoolServiceWednesdayCare, 3));

        var (details, problems) = ChildDetails.Read(request, Today, Schools, Rules);

        Assert.Empty(problems);
        Assert.Equal(("Léa", "MARTIN", new DateOnly(2018, 5, 3), "95127-E1", "CE1"), (details!.FirstName, details.LastName, details.BirthDate, details.SchoolId, details.Class));
        Assert.Equal(
            [(SchoolService.Canteen, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday]), (SchoolService.WednesdayCare, [DayOfWeek.Wednesday])],
            details.Standing.Select(s => (s.Service, s.Days.ToArray())));
    }

    [Fact]
    public void Every_problem_is_given_at_once_in_french()
    {
        var request = new SaveChildRequest { FirstName = " ", LastName = "", BirthDate = "2027-01-04", SchoolId = "95500-E1", PaiHomeMeal = true };

        var (details, problems) = ChildDetails.Read(request, Today, Schools, Rules);

        Assert.Null(details);
        Assert.Equal(
            [
                "Le prénom de l'enfant est obligatoire.",
                "Le nom de l'enfant est obligatoire.",
                "La date de naissance 04/01/2027 est après aujourd'hui (10/12/2026).",
                "L'école « 95500-E1 » n'est pas une école de la commune de la famille.",
                "Le panier repas ne s'applique qu'à un enfant qui a un PAI (projet d'accueil individualisé).",
            ],
            problems);
    }

    [Theory]
    [InlineData("", "La date de naissance est obligatoire.")]
    [InlineData("03/05/2018", "Date de naissance « 03/05/2018 » invalide : attendu AAAA-MM-JJ.")]
    [InlineData("1985-05-03", "Né(e) le 03/05/1985, l'enfant aurait 41 ans : vérifiez la date de naissance.")]
    public void A_birth_date_must_be_a_schoolchild_s(string birthDate, string problem)
    {
        var request = Request();
        request.BirthDate = birthDate;

        Assert.Equal([problem], ChildDetails.Read(request, Today, Schools, Rules).Problems);
    }

    [Fact]
    public void Standing_days_must_be_days_the_service_runs()
    {
        var request = Request();
        request.Standing.Add(Standing(SchoolServiceKind.SchoolServiceCanteen, 1, 3, 6));
        request.Standing.Add(Standing(SchoolServiceKind.SchoolServiceEveningCare, 7));
        request.Standing.Add(Standing((SchoolServiceKind)9, 1));

        Assert.Equal(
            [
                "Cantine : ce service ne fonctionne pas le mercredi ni le samedi.",
                "Accueil du soir : un jour doit être compris entre 0 (dimanche) et 6 (samedi).",
                "Service inconnu (9).",
            ],
            ChildDetails.Read(request, Today, Schools, Rules).Problems);
    }

    [Fact]
    public void A_service_the_commune_does_not_run_in_the_school_is_refused()
    {
        var record = CanteenRulesMapping.Defaults(new CommuneProfile("95127", "Cergy", [new TariffBracketRecord(500, 95)], 455));
        var rules = (record with
        {
            Services = [.. record.Services.Select(s => s.Service == SchoolService.EveningCare ? s with { SchoolIds = ["95127-E2"] } : s)],
        }).ToDomain(Schools);
        var request = Request();
        request.Standing.Add(Standing(SchoolServiceKind.SchoolServiceEveningCare, 1));

        Assert.Equal(["Accueil du soir : ce service n'est pas proposé à « École élémentaire des Touleuses »."],
            ChildDetails.Read(request, Today, Schools, rules).Problems);
    }

    private static SaveChildRequest Request() => new()
    {
        FamilyId = "95127-F013", FirstName = "Léa", LastName = "MARTIN", BirthDate = "2018-05-03", SchoolId = "95127-E1", Class = "CE1",
    };

    private static StandingServiceDays Standing(SchoolServiceKind service, params int[] days)
    {
        var standing = new StandingServiceDays { Service = service };
        standing.Days.AddRange(days);
        return standing;
    }
}
