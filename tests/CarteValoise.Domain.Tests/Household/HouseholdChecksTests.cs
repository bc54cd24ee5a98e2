using CarteValoise.Domain.Household;

namespace CarteValoise.Domain.Tests.Household;

public sealed class HouseholdChecksTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static AdultForm Adult(string birthDate = "1985-03-12", string caf = "1234567", string phone = "0612345678", string email = "Claire.Martin@Exemple.fr",
        AdultRelationship relationship = AdultRelationship.Parent, string firstName = "Claire", string lastName = "Martin") =>
        new(firstName, lastName, birthDate, relationship, email, phone, "  Centre   hospitalier ", caf);

    [Fact]
    public void A_well_formed_adult_is_kept_tidied()
    {
        var adult = HouseholdChecks.Adult(Adult(caf: "123 45 67"), Today);

        Assert.Empty(adult.Problems);
        Assert.Equal(new AdultDetails("Claire", "Martin", new DateOnly(1985, 3, 12), AdultRelationship.Parent,
            "claire.martin@exemple.fr", "06 12 34 56 78", "Centre hospitalier", "1234567"), adult.Valid);
    }

    [Fact]
    public void Every_problem_of_an_adult_is_told_at_once_with_its_field()
    {
        var adult = HouseholdChecks.Adult(Adult(birthDate: "2026-12-04", caf: "123456", phone: "06 12", email: "claire@", relationship: AdultRelationship.Unspecified, firstName: " "), Today);

        Assert.False(adult.IsValid);
        Assert.Equal(
        [
            new HouseholdProblem("prenom", "Indiquez le prénom."),
            new HouseholdProblem("date-naissance", "La date de naissance ne peut pas être après aujourd'hui : le vendredi 4 décembre 2026 n'est pas encore arrivé."),
            new HouseholdProblem("lien", "Indiquez le lien avec les enfants du foyer : parent, conjoint ou conjointe du parent, tuteur ou tutrice, ou autre."),
            new HouseholdProblem("courriel", "L'adresse électronique « claire@ » n'est pas valide : par exemple marie.martin@exemple.fr."),
            new HouseholdProblem("telephone", "Le numéro de téléphone « 06 12 » n'est pas valide : 10 chiffres, par exemple 06 12 34 56 78."),
            new HouseholdProblem("caf", "Le numéro d'allocataire CAF « 123456 » n'est pas valide : il a 7 chiffres (ici 6), tel qu'il figure en haut de vos courriers de la CAF, par exemple 1234567."),
        ], adult.Problems);
        Assert.Throws<InvalidHouseholdException>(() => adult.Valid);
    }

    [Theory]
    [InlineData("", "Indiquez la date de naissance, par exemple 14/07/2015.")]
    [InlineData("14/07/1985", "« 14/07/1985 » n'est pas une date de naissance : choisissez un jour, par exemple 14/07/2015.")]
    [InlineData("1899-12-31", "La date de naissance ne peut pas être avant le lundi 1er janvier 1900 : vérifiez l'année.")]
    public void A_birth_date_is_a_past_day_given_as_the_wire_writes_it(string typed, string problem) =>
        Assert.Equal([new HouseholdProblem("date-naissance", problem)], HouseholdChecks.Adult(Adult(birthDate: typed), Today).Problems);

    [Fact]
    public void Born_today_is_not_in_the_future() =>
        Assert.True(HouseholdChecks.Child(new ChildForm("Léa", "Martin", "2026-12-03", ""), Today).IsValid);

    [Fact]
    public void A_name_holds_letters_spaces_hyphens_and_apostrophes_only()
    {
        Assert.True(HouseholdChecks.Adult(Adult(firstName: "Jean-François", lastName: "N'Diaye d’Arc"), Today).IsValid);
        Assert.Equal([new HouseholdProblem("nom", "Le nom « Martin2 » ne peut contenir que des lettres, des espaces, des traits d'union et des apostrophes.")],
            HouseholdChecks.Adult(Adult(lastName: "Martin2"), Today).Problems);
    }

    [Fact]
    public void A_child_born_tomorrow_is_refused_with_the_day()
    {
        var child = HouseholdChecks.Child(new ChildForm("Léa", "Martin", "2026-12-04", "École des Touleuses"), Today);

        Assert.Equal([new HouseholdProblem("enfant-date-naissance", "La date de naissance ne peut pas être après aujourd'hui : le vendredi 4 décembre 2026 n'est pas encore arrivé.")], child.Problems);
    }

    [Fact]
    public void An_address_needs_a_street_a_five_digit_postal_code_and_a_city()
    {
        Assert.Equal(new HomeAddress("12 rue des Écoles", "95000", "Cergy"), HouseholdChecks.Address(new AddressForm(" 12  rue des Écoles ", "95 000", "Cergy")).Valid);
        Assert.Equal(
        [
            new HouseholdProblem("adresse", "Indiquez le numéro et la rue, par exemple 12 rue des Écoles."),
            new HouseholdProblem("code-postal", "Le code postal « 9500 » doit compter 5 chiffres, par exemple 95000."),
            new HouseholdProblem("ville", "Indiquez la commune, par exemple Cergy."),
        ], HouseholdChecks.Address(new AddressForm("", "9500", " ")).Problems);
    }

    [Fact]
    public void A_custody_names_a_child_of_the_household_another_parents_address_and_an_arrangement()
    {
        var children = new[] { "foyer-1-e1" };
        Assert.Equal(new CustodyDetails("foyer-1-e1", "paul.martin@exemple.fr", CustodyArrangement.Alternating),
            HouseholdChecks.Custody(new CustodyForm("foyer-1-e1", " Paul.Martin@exemple.fr", CustodyArrangement.Alternating), children, ["claire@exemple.fr"]).Valid);
        Assert.Equal(
        [
            new HouseholdProblem("enfant", "Choisissez l'enfant dont la garde est partagée."),
            new HouseholdProblem("autre-parent", "Cette adresse est la vôtre : indiquez celle du compte de l'autre parent."),
            new HouseholdProblem("garde", "Indiquez le mode de garde fixé par le jugement ou la convention."),
        ], HouseholdChecks.Custody(new CustodyForm("foyer-2-e1", "CLAIRE@exemple.fr", CustodyArrangement.Unspecified), children, ["claire@exemple.fr"]).Problems);
    }

    [Fact]
    public void A_custody_in_a_household_without_children_says_to_add_the_child_first() =>
        Assert.Equal("Votre dossier ne compte encore aucun enfant : ajoutez d'abord l'enfant (demande « Ajout d'un enfant »).",
            HouseholdChecks.Custody(new CustodyForm("", "paul@exemple.fr", CustodyArrangement.Alternating), [], []).Problems.Single().Message);
}
