using System.Text;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Enrolment.EnrolmentApi;

namespace CarteValoise.EndToEnd.Tests.Enrolment;

/// <summary>
/// The families file of the commune's former software, streamed to the real cloud as the import
/// page does: progress, then a preview to check, then the enrolment with its progress and totals.
/// Each test imports families numbered with a tag of its own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FamilyImportTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Header =
        "N° famille;Nom de famille;Adresse;Code postal;Ville;Téléphone;Courriel;Quotient familial;Date du justificatif QF;Nom de l'enfant;Prénom de l'enfant;Date de naissance;École;Classe;PAI;Jours de cantine;Numéro de carte";

    private const string ImportNotFound = "Cet aperçu d'import n'existe plus (il est gardé une heure) : importez le fichier à nouveau.";

    [Fact]
    public Task A_valid_file_is_previewed_with_exact_totals_then_enrolled() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var (tag, card) = (FamiliesAndChildrenTests.Tag(), FamiliesAndChildrenTests.NewCard());
        var file = ValidFile(tag, card);

        var statuses = await api.PreviewAsync(agent, file, chunkSize: 200);

        var progress = statuses.SkipLast(1).Select(s => s.Progress).ToList();
        Assert.All(statuses.SkipLast(1), s => Assert.Equal(ImportStatus.StatusOneofCase.Progress, s.StatusCase));
        Assert.NotEmpty(progress);
        Assert.Equal(new ImportProgressUpdate { RowsRead = 5, BytesRead = file.Length, TotalBytes = file.Length }, progress[^1]);
        var preview = statuses[^1].Preview;
        Assert.Matches("^[0-9a-f]{32}$", preview.ImportId);
        Assert.Equal(("UTF-8", ";", 5, 5, 0, 3, 5, 4, 0, 5, true),
            (preview.Encoding, preview.Separator, preview.Rows, preview.RowsAccepted, preview.RowsRejected, preview.Families, preview.Children,
                preview.ChildrenWithoutCard, preview.ErrorCount, preview.WarningCount, preview.CanImport));
        Assert.Empty(preview.Errors);
        Assert.Equal(
            [
                $"Ligne 3, colonne « Numéro de carte » : pas de carte pour Noël MOREL-{tag} : elle pourra être remise plus tard depuis la fiche de l'enfant.",
                $"Ligne 4, colonne « Numéro de carte » : pas de carte pour Chloé NGUYEN-{tag} : elle pourra être remise plus tard depuis la fiche de l'enfant.",
                $"Ligne 5, colonne « Numéro de carte » : pas de carte pour Hugo NGUYEN-{tag} : elle pourra être remise plus tard depuis la fiche de l'enfant.",
                $"Ligne 6, colonne « Numéro de carte » : pas de carte pour Yanis BENALI-{tag} : elle pourra être remise plus tard depuis la fiche de l'enfant.",
                $"Ligne 6 : pas de quotient familial pour la famille {tag}-3 (BENALI-{tag}) : elle paiera le plein tarif jusqu'à ce qu'il soit saisi.",
            ],
            preview.Warnings);
        Assert.Equal([($"MOREL-{tag}", $"{tag}-1", 2, 650), ($"NGUYEN-{tag}", $"{tag}-2", 2, 1250), ($"BENALI-{tag}", $"{tag}-3", 1, -1)],
            preview.Sample.Select(f => (f.Name, f.FormerNumber, f.Children, f.QuotientFamilial)));
        // A preview writes nothing.
        Assert.Equal(0, (await api.SearchAsync(agent, tag)).Total);

        var applying = await api.ApplyAsync(agent, preview.ImportId);

        Assert.Equal([0, 1, 2, 3], applying.SkipLast(1).Select(s => s.Progress.FamiliesDone));
        Assert.All(applying.SkipLast(1), s => Assert.Equal(3, s.Progress.FamiliesTotal));
        Assert.Equal(new ImportApplied { FamiliesCreated = 3, FamiliesUpdated = 0, ChildrenEnrolled = 5, CardsIssued = 1 }, applying[^1].Applied);

        var listed = await api.SearchAsync(agent, tag);
        Assert.Equal([($"BENALI-{tag}", 1, -1), ($"MOREL-{tag}", 2, 650), ($"NGUYEN-{tag}", 2, 1250)],
            listed.Families.Select(f => (f.Name, f.Children, f.QuotientFamilial)));
        var morel = await api.Enrolment.GetFamilyDossierAsync(
            new GetFamilyDossierRequest { FamilyId = listed.Families[1].FamilyId, Reason = "vérification de l'import" }, agent, CloudApi.Deadline);
        Assert.Equal(($"95018-F-{tag}-1", $"{tag}-1", "3 rue des Lilas", "95100", "Argenteuil", "06 39 98 00 01", "morel@example.fr", 650, "2026-09-15"),
            (morel.FamilyId, morel.FormerNumber, morel.Address, morel.PostalCode, morel.City, morel.Phone, morel.Email, morel.QuotientFamilial, morel.QuotientFamilialJustifiedOn));
        Assert.Equal(
            [
                ("Léa", $"MOREL-{tag}", "2018-05-03", School, SchoolName, "CE1", false, "1,2,4,5", card, CardState.Active),
                ("Noël", $"MOREL-{tag}", "2020-11-12", SecondSchool, "École élémentaire Paul-Langevin", "CP", true, "1,2,4,5", "", CardState.None),
            ],
            morel.Children.OrderBy(c => c.BirthDate).Select(c => (c.FirstName, c.LastName, c.BirthDate, c.SchoolId, c.SchoolName, c.Class, c.AllergyPlan,
                string.Join(',', c.CanteenDays), c.CardUid, c.CardState)));
    });

    [Fact]
    public Task A_file_with_malformed_rows_lists_each_error_and_cannot_be_applied() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var tag = FamiliesAndChildrenTests.Tag();
        var file = Csv(
            Row($"{tag}-1", $"ROUX-{tag}", qf: "650", firstName: "Léa", birth: "03/05/2018", school: SchoolName),
            Row($"{tag}-2", $"FAURE-{tag}", qf: "700", firstName: "Hugo", birth: "31/02/2018", school: SchoolName),
            Row($"{tag}-3", $"BLANC-{tag}", qf: "12500", firstName: "Jade", birth: "14/06/2017", school: SchoolName),
            Row($"{tag}-4", $"GIRARD-{tag}", qf: "800", firstName: "Adam", birth: "02/02/2019", school: "École Jules Ferry"));

        var preview = (await api.PreviewAsync(agent, file))[^1].Preview;

        Assert.Equal(
            [
                "Ligne 3, colonne « Date de naissance » : « 31/02/2018 » n'est pas une date (attendu : jj/mm/aaaa, par exemple 03/05/2018).",
                "Ligne 4, colonne « Quotient familial » : 12 500 est hors des bornes admises (0 à 10 000).",
                "Ligne 5, colonne « École » : l'école « École Jules Ferry » n'est pas une école de la commune.",
            ],
            preview.Errors);
        Assert.Equal((4, 1, 3, 1, 3, false), (preview.Rows, preview.RowsAccepted, preview.RowsRejected, preview.Families, preview.ErrorCount, preview.CanImport));

        var refused = await Assert.ThrowsAsync<RpcException>(() => api.ApplyAsync(agent, preview.ImportId));

        Assert.Equal((StatusCode.FailedPrecondition, "Le fichier contient des erreurs : corrigez-les dans le fichier puis importez-le à nouveau. Rien n'a été enregistré."),
            (refused.StatusCode, refused.Status.Detail));
        Assert.Equal(0, (await api.SearchAsync(agent, tag)).Total);
    });

    [Fact]
    public Task Applying_the_same_file_again_creates_nothing_new() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var (tag, card) = (FamiliesAndChildrenTests.Tag(), FamiliesAndChildrenTests.NewCard());
        var file = ValidFile(tag, card);
        var first = (await api.PreviewAsync(agent, file))[^1].Preview;
        Assert.Equal(new ImportApplied { FamiliesCreated = 3, ChildrenEnrolled = 5, CardsIssued = 1 }, (await api.ApplyAsync(agent, first.ImportId))[^1].Applied);
        var enrolled = await Dossiers(api, agent, tag);

        // The file read again (its card now held, by the child it names), and applied again.
        var second = (await api.PreviewAsync(agent, file))[^1].Preview;
        Assert.True(second.CanImport, string.Join("\n", second.Errors));
        Assert.NotEqual(first.ImportId, second.ImportId);
        var again = (await api.ApplyAsync(agent, second.ImportId))[^1].Applied;
        Assert.Equal(new ImportApplied { FamiliesCreated = 0, FamiliesUpdated = 3, ChildrenEnrolled = 0, CardsIssued = 0 }, again);
        // The first preview too: applying twice is the same.
        Assert.Equal(again, (await api.ApplyAsync(agent, first.ImportId))[^1].Applied);

        Assert.Equal(3, (await api.SearchAsync(agent, tag)).Total);
        Assert.Equal(enrolled, await Dossiers(api, agent, tag));
    });

    [Fact]
    public Task A_preview_is_applied_only_by_its_commune_and_an_unknown_one_is_not_found() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var tag = FamiliesAndChildrenTests.Tag();
        var preview = (await api.PreviewAsync(agent, ValidFile(tag, FamiliesAndChildrenTests.NewCard())))[^1].Preview;

        var other = await api.SignInAsync(OtherCommuneAgent);
        var refused = await Assert.ThrowsAsync<RpcException>(() => api.ApplyAsync(other, preview.ImportId));
        Assert.Equal((StatusCode.NotFound, ImportNotFound), (refused.StatusCode, refused.Status.Detail));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => api.ApplyAsync(agent, "0123456789abcdef0123456789abcdef"));
        Assert.Equal((StatusCode.NotFound, ImportNotFound), (unknown.StatusCode, unknown.Status.Detail));

        Assert.Equal(0, (await api.SearchAsync(agent, tag)).Total);
    });

    [Fact]
    public Task A_card_of_the_file_held_by_another_child_is_an_error_of_the_preview() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var tag = FamiliesAndChildrenTests.Tag();

        var preview = (await api.PreviewAsync(agent, ValidFile(tag, DemoChildCard)))[^1].Preview;

        Assert.Equal([$"Ligne 2, colonne « Numéro de carte » : la carte {DemoChildCard} est déjà attribuée à un autre enfant : corrigez le numéro, ou remettez d'abord une autre carte à l'enfant qui l'a."],
            preview.Errors);
        Assert.Equal((1, false), (preview.ErrorCount, preview.CanImport));
    });

    [Fact]
    public Task A_file_that_is_not_a_families_file_is_answered_with_its_problem() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();

        var empty = (await api.PreviewAsync(agent, []))[^1].Preview;
        Assert.Equal(["Le fichier est vide : il doit commencer par une ligne qui nomme les colonnes."], empty.Errors);
        Assert.False(empty.CanImport);

        var spreadsheet = (await api.PreviewAsync(agent, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))[^1].Preview;
        Assert.Equal(["Ce fichier n'est pas un fichier CSV (un classeur Excel ?) : enregistrez-le au format « CSV (séparateur : point-virgule) » puis importez-le à nouveau."],
            spreadsheet.Errors);
    });

    /// <summary>3 families, 5 children, one card (Léa's); schools written by name, by id, and without accents.</summary>
    private static byte[] ValidFile(string tag, string card) => Csv(
        Row($"{tag}-1", $"MOREL-{tag}", "3 rue des Lilas", "95100", "Argenteuil", "06 39 98 00 01", "morel@example.fr", "650", "15/09/2026", "Léa", "03/05/2018", SchoolName, "CE1", "non", "lun,mar,jeu,ven", card),
        Row($"{tag}-1", $"MOREL-{tag}", "3 rue des Lilas", "95100", "Argenteuil", "06 39 98 00 01", "morel@example.fr", "650", "15/09/2026", "Noël", "12/11/2020", "ecole elementaire paul langevin", "CP", "oui", "L M J V", ""),
        Row($"{tag}-2", $"NGUYEN-{tag}", "8 allée des Peupliers", "95100", "Argenteuil", "", "", "1 250", "02/10/2026", "Chloé", "21/01/2016", School, "CM2", "non", "lundi mardi jeudi vendredi", ""),
        Row($"{tag}-2", $"NGUYEN-{tag}", "8 allée des Peupliers", "95100", "Argenteuil", "", "", "1 250", "02/10/2026", "Hugo", "07/07/2017", School, "CM1", "non", "lun,mar", ""),
        Row($"{tag}-3", $"BENALI-{tag}", "", "", "", "", "", "", "", "Yanis", "30/08/2019", SecondSchool, "CE1", "", "", ""));

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n");

    private static string Row(string number, string name, string address = "", string postalCode = "", string city = "", string phone = "", string email = "",
        string qf = "", string qfDate = "", string firstName = "", string birth = "", string school = "", string @class = "", string pai = "", string days = "", string card = "") =>
        string.Join(';', number, name, address, postalCode, city, phone, email, qf, qfDate, name, firstName, birth, school, @class, pai, days, card);

    private static async Task<IReadOnlyList<FamilyDossier>> Dossiers(EnrolmentApi api, Metadata agent, string tag)
    {
        var dossiers = new List<FamilyDossier>();
        foreach (var family in (await api.SearchAsync(agent, tag)).Families)
            dossiers.Add(await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId, Reason = "vérification de l'import" }, agent, CloudApi.Deadline));
        return dossiers;
    }
}
