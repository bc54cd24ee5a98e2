using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches.Catalogue;

/// <summary>The conditions and rules of the other démarches, where a citizen would feel a mistake.</summary>
public sealed class CatalogueFormsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static AnswerContext Context(params (string Id, string Type)[] documents) => new(
        Today,
        new Dictionary<string, string> { ["enfant-1"] = "Léo Martin" },
        documents.ToDictionary(document => document.Id, document => document.Type));

    [Fact]
    public void A_declaration_asks_the_facades_plan_only_when_the_exterior_changes()
    {
        var declaration = CatalogueFiles.Definition("declaration-prealable-travaux");
        var answers = new Dictionary<string, string> { ["aspect-exterieur"] = "oui" };

        Assert.Contains("dp4", FormConditions.ShownFields(declaration, "plans", answers).Select(field => field.Id));
        Assert.Contains(new DemarcheProblem("dp4",
            "Joignez « DP4 – Plan des façades et des toitures » : choisissez la pièce parmi vos documents, ou ajoutez-la d'abord dans « Mes documents »."),
            AnswerChecks.CheckSubmission(declaration, answers, Context()));
        answers["aspect-exterieur"] = "non";
        Assert.DoesNotContain("dp4", FormConditions.ShownFields(declaration, "plans", answers).Select(field => field.Id));
    }

    [Fact]
    public void A_declaration_is_whole_with_its_plans_and_a_surface_within_bounds()
    {
        var declaration = CatalogueFiles.Definition("declaration-prealable-travaux");
        var answers = new Dictionary<string, string>
        {
            ["demandeur-nom"] = "Martin", ["demandeur-prenom"] = "Claire", ["courriel"] = "claire.martin@exemple.fr",
            ["formulaire"] = "cerfa-13703", ["adresse-terrain"] = "4 rue de la République\n95300\nPontoise",
            ["parcelles[0].section"] = "AB", ["parcelles[0].numero"] = "123",
            ["description"] = "Abri de jardin en bois de 9 m², teinte naturelle.", ["surface"] = "9", ["aspect-exterieur"] = "non",
            ["dp1"] = "d1", ["dp2"] = "d2",
        };
        var context = Context(("d1", "plan-situation"), ("d2", "plan-masse"));

        Assert.Empty(AnswerChecks.CheckSubmission(declaration, answers, context));
        answers["surface"] = "1200";
        Assert.Equal([new DemarcheProblem("surface", "« Surface de plancher ou emprise au sol créée (m²) » doit valoir au plus 1000.")],
            AnswerChecks.CheckSubmission(declaration, answers, context));
    }

    [Fact]
    public void A_cadastral_reference_is_a_section_and_a_parcel_number()
    {
        var certificate = CatalogueFiles.Definition("certificat-urbanisme-information");
        var answers = new Dictionary<string, string>
        {
            ["adresse-terrain"] = "Lieu-dit les Vignes\n95300\nPontoise",
            ["parcelles[0].section"] = "AB", ["parcelles[0].numero"] = "123",
            ["parcelles[1].section"] = "ABC", ["parcelles[1].numero"] = "12a",
        };

        Assert.Equal(
        [
            new DemarcheProblem("parcelles[1].section", "La section s'écrit avec une ou deux lettres, par exemple AB."),
            new DemarcheProblem("parcelles[1].numero", "Le numéro de parcelle s'écrit avec 1 à 4 chiffres, par exemple 123."),
        ], AnswerChecks.CheckPage(certificate, "terrain", answers, Context()));
        Assert.Equal([new DemarcheProblem("parcelles", "Ajoutez au moins un élément à « Références cadastrales ».")],
            AnswerChecks.CheckPage(certificate, "terrain", new Dictionary<string, string> { ["adresse-terrain"] = "Lieu-dit les Vignes\n95300\nPontoise" }, Context()));
        Assert.Equal(30, certificate.ProcessingDays);
        Assert.Contains("sans réponse au bout d'un mois, vous obtenez un certificat tacite", certificate.Summary);
    }

    [Fact]
    public void A_room_is_booked_fourteen_days_to_a_year_ahead_for_at_most_three_hundred_people()
    {
        var booking = CatalogueFiles.Definition("reservation-salle");
        var answers = new Dictionary<string, string>
        {
            ["salle"] = "salle-des-tilleuls", ["date-reservation"] = "2026-12-16", ["creneau"] = "soiree",
            ["personnes"] = "301", ["objet"] = "Anniversaire",
        };

        Assert.Equal(
        [
            new DemarcheProblem("date-reservation", "« Date souhaitée » doit être le 17 décembre 2026 ou après."),
            new DemarcheProblem("personnes", "« Nombre de personnes attendues » doit valoir au plus 300."),
        ], AnswerChecks.CheckPage(booking, "reservation", answers, Context()));
        answers["date-reservation"] = "2026-12-17";
        answers["personnes"] = "80";
        Assert.Empty(AnswerChecks.CheckPage(booking, "reservation", answers, Context()));
    }

    [Fact]
    public void An_association_names_itself_and_each_person_in_charge_gives_a_phone()
    {
        var booking = CatalogueFiles.Definition("reservation-salle");
        var answers = new Dictionary<string, string>
        {
            ["statut"] = "association", ["responsables[0].responsable-nom"] = "Paul Durand", ["responsables[0].responsable-telephone"] = "12",
            ["courriel"] = "paul.durand@exemple.fr",
        };

        Assert.Equal(
        [
            new DemarcheProblem("association", "Indiquez « Nom de l'association »."),
            new DemarcheProblem("responsables[0].responsable-telephone",
                "« Téléphone » (Personnes responsables sur place n°1) : « 12 » n'est pas un numéro de téléphone valable : 10 chiffres, par exemple 06 12 34 56 78."),
        ], AnswerChecks.CheckPage(booking, "organisateur", answers, Context()));
    }

    [Fact]
    public void Canteen_days_are_asked_for_the_canteen_and_the_details_of_an_allergy_when_there_is_one()
    {
        var canteen = CatalogueFiles.Definition("inscription-cantine-periscolaire");

        Assert.Equal(["enfant", "services"], FormConditions.ShownFields(canteen, "enfant",
            new Dictionary<string, string> { ["services"] = "mercredi" }).Select(field => field.Id));
        Assert.Equal(["enfant", "services", "jours"], FormConditions.ShownFields(canteen, "enfant",
            new Dictionary<string, string> { ["services"] = "mercredi\ncantine" }).Select(field => field.Id));
        Assert.Equal([new DemarcheProblem("allergie-precisions", "Indiquez « Précisez ».")],
            AnswerChecks.CheckPage(canteen, "sante", new Dictionary<string, string> { ["allergie-pai"] = "oui" }, Context()));
        Assert.Empty(AnswerChecks.CheckPage(canteen, "sante", new Dictionary<string, string> { ["allergie-pai"] = "non" }, Context()));
    }

    [Fact]
    public void A_school_enrolment_needs_a_child_of_the_family_and_both_proofs()
    {
        var school = CatalogueFiles.Definition("inscription-scolaire");
        var context = Context(("dom", "justificatif-domicile"), ("livret", "livret-famille"));
        var answers = new Dictionary<string, string>
        {
            ["enfant"] = "enfant-9", ["niveau"] = "cp", ["justificatif-domicile"] = "dom", ["livret-famille"] = "livret",
            ["courriel"] = "claire.martin@exemple.fr",
        };

        Assert.Equal([new DemarcheProblem("enfant", "« Enfant à inscrire » : cet enfant n'est pas dans votre dossier famille.")],
            AnswerChecks.CheckSubmission(school, answers, context));
        answers["enfant"] = "enfant-1";
        Assert.Empty(AnswerChecks.CheckSubmission(school, answers, context));
        Assert.Equal("certificat-inscription", school.Workflow.Move("accepter")!.Template);
    }

    [Fact]
    public void A_change_of_address_asks_the_new_address_and_its_proof()
    {
        var change = CatalogueFiles.Definition("modification-dossier-famille");

        Assert.Equal(["nouvelle-adresse", "date-demenagement", "justificatif-domicile", "commentaire"],
            FormConditions.ShownFields(change, "details", new Dictionary<string, string> { ["nature"] = "adresse" }).Select(field => field.Id));
        Assert.Equal(["nouveau-courriel", "nouveau-telephone", "commentaire"],
            FormConditions.ShownFields(change, "details", new Dictionary<string, string> { ["nature"] = "coordonnees" }).Select(field => field.Id));
    }

    [Fact]
    public void A_child_is_asked_at_the_conservatoire_only_for_ones_child()
    {
        var conservatoire = CatalogueFiles.Definition("inscription-conservatoire");

        Assert.DoesNotContain("enfant", FormConditions.ShownFields(conservatoire, "eleve", new Dictionary<string, string> { ["pour-qui"] = "moi" }).Select(field => field.Id));
        Assert.Contains("enfant", FormConditions.ShownFields(conservatoire, "eleve", new Dictionary<string, string> { ["pour-qui"] = "mon-enfant" }).Select(field => field.Id));
    }

    [Fact]
    public void Anyone_may_ask_a_death_certificate_which_is_a_copie_integrale_or_an_extrait()
    {
        var death = CatalogueFiles.Definition("acte-deces");

        Assert.Equal(["copie-integrale", "extrait"], death.AllFields().Single(field => field.Id == "type-acte").Options!.Select(option => option.Value));
        Assert.Empty(death.RequiredDocuments());
    }
}
