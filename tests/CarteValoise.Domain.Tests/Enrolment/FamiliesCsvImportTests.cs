using CarteValoise.Domain.Enrolment;
using static CarteValoise.Domain.Tests.Enrolment.ImportExamples;

namespace CarteValoise.Domain.Tests.Enrolment;

public sealed class FamiliesCsvImportTests
{
    [Fact]
    public void An_export_gives_its_families_with_their_children()
    {
        var preview = Preview(Export);

        Assert.Equal(ExportFamilies, preview.Families());
        Assert.Empty(preview.Errors);
        Assert.Equal(ExportWarnings, preview.Warnings.Texts());
        Assert.Equal(new ImportTotals(Rows: 4, RowsAccepted: 4, RowsRejected: 0, Families: 3, Children: 4, ChildrenWithoutCard: 1, Errors: 0, Warnings: 2), preview.Totals);
        Assert.Equal(("UTF-8", ';'), (preview.EncodingName, preview.Separator));
        Assert.True(preview.CanImport);
    }

    [Fact]
    public void Headers_are_read_whatever_their_case_accents_and_order()
    {
        var preview = Preview(
            "ECOLE;prenom;NE(E) LE;No Famille;nom famille;qf;Date QF;carte;Observations\n" +
            "ecole-pasteur;Noël;12/11/2021;1042;MARTIN;650;15/09/2026;04A2B3C4D5E6F8;allergie arachide\n");

        Assert.Equal("1042 MARTIN (ligne 2) ·  ·   ·  ·  · QF 650 du 15/09/2026 | ligne 2 : Noël MARTIN 12/11/2021 ecole-pasteur   carte 04A2B3C4D5E6F8", Assert.Single(preview.Families()));
        Assert.Equal(["Ligne 1 : la colonne « Observations » n'est pas reconnue : elle est ignorée."], preview.Warnings.Texts());
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_one_error_naming_them()
    {
        var preview = Preview("Famille;Nom;Prénom;École\n1042;MARTIN;Léa;ecole-jules-ferry\n");

        Assert.Equal(
            ["Ligne 1 : il manque les colonnes obligatoires « N° famille », « Nom de famille » et « Date de naissance ». "
             + "La première ligne du fichier doit nommer les colonnes, séparées par des points-virgules ; elle nomme « Famille », « Nom », « Prénom » et « École »."],
            preview.Errors.Texts());
        Assert.Empty(preview.Families);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public void A_file_with_commas_has_its_separator_recognised()
    {
        var preview = Preview(Export.Replace(';', '\u0001').Replace(',', '\u0002').Replace('\u0001', ',').Replace('\u0002', ';'));

        Assert.Equal(',', preview.Separator);
        Assert.Equal(3, preview.Families.Count);
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public void Quoted_values_keep_their_separators_quotes_and_line_breaks_and_later_lines_keep_their_numbers()
    {
        var preview = Preview(Header + "\n"
            + Row(family: "1050", name: "LEROY", address: "\"12, rue \"\"Le Clos\"\" ; porte 3\n2e étage\"", firstName: "Inès", card: "") + "\n"
            + Row(family: "1051", name: "\"PETIT\"", firstName: "Hugo", qf: "abc", card: "") + "\n");

        var family = Assert.Single(preview.Families);
        Assert.Equal("12, rue \"Le Clos\" ; porte 3\n2e étage", family.Address);
        Assert.Equal(["Ligne 4, colonne « Quotient familial » : « abc » n'est pas un quotient familial (un montant en euros, par exemple 650)."], preview.Errors.Texts());
    }

    [Fact]
    public void A_quote_never_closed_stops_the_reading_at_its_line()
    {
        var preview = PreviewRows(
            Row(family: "1050", firstName: "Inès", card: ""),
            Row(family: "1051", address: "\"3 rue des Lilas", firstName: "Hugo", card: ""),
            Row(family: "1052", firstName: "Jade", card: ""));

        Assert.Equal(["Ligne 3 : un guillemet ouvert n'est jamais refermé avant la fin du fichier."], preview.Errors.Texts());
        Assert.Equal(1, preview.Totals.Rows);
    }

    [Fact]
    public void A_quote_never_closed_in_a_big_file_stops_before_swallowing_it()
    {
        var rows = Enumerable.Range(0, 200).Select(i => Row(family: $"{2000 + i}", card: "")).ToArray();
        rows[3] = Row(family: "2003", address: "\"3 rue des Lilas", card: "");

        var preview = PreviewRows(rows);

        Assert.Equal(["Ligne 5 : un guillemet ouvert n'est jamais refermé (valeur de plus de 4 096 caractères) ; la lecture du fichier s'arrête là."], preview.Errors.Texts());
        Assert.Equal(3, preview.Totals.Rows);
    }

    [Fact]
    public void A_value_beyond_the_named_columns_is_an_error()
    {
        var preview = PreviewRows(Row() + ";allergie arachide");

        Assert.Equal(["Ligne 2 : la ligne a 18 valeurs pour 17 colonnes : une valeur qui contient le séparateur « ; » doit être entre guillemets."], preview.Errors.Texts());
        Assert.Empty(preview.Families);
    }

    [Fact]
    public void An_unquoted_separator_inside_a_value_shifts_the_row_and_is_named_first()
    {
        var preview = PreviewRows(Row(address: "Résidence Les Tilleuls; bât. B"));

        Assert.Equal("Ligne 2 : la ligne a 18 valeurs pour 17 colonnes : une valeur qui contient le séparateur « ; » doit être entre guillemets.", preview.Errors[0].Text);
        Assert.Empty(preview.Families);
    }

    [Fact]
    public void Blank_rows_spreadsheets_leave_at_the_end_are_not_rows()
    {
        var preview = Preview(Header + "\r\n" + Row() + "\r\n;;;;;;;;;;;;;;;;\r\n\r\n;;\r\n");

        Assert.Equal(1, preview.Totals.Rows);
        Assert.Empty(preview.Errors);
    }

    [Theory]
    [InlineData("6OO", "« 6OO » n'est pas un quotient familial (un montant en euros, par exemple 650).")]
    [InlineData("12 000", "12 000 est hors des bornes admises (0 à 10 000).")]
    [InlineData("12000,00", "12 000 est hors des bornes admises (0 à 10 000).")]
    [InlineData("-150", "-150 est hors des bornes admises (0 à 10 000).")]
    public void A_quotient_familial_that_is_not_one_is_an_error(string qf, string problem)
    {
        var preview = PreviewRows(Row(qf: qf));

        Assert.Equal([$"Ligne 2, colonne « Quotient familial » : {problem}"], preview.Errors.Texts());
        Assert.Empty(preview.Families);
        Assert.Equal((1, 0, 1), (preview.Totals.Rows, preview.Totals.RowsAccepted, preview.Totals.RowsRejected));
    }

    [Theory]
    [InlineData("1 250", 1250)]
    [InlineData("1250,00", 1250)]
    [InlineData("1.250", 1250)]
    [InlineData("650 €", 650)]
    [InlineData("0", 0)]
    [InlineData("10 000", 10000)]
    public void Quotients_as_exports_write_them(string qf, int expected) =>
        Assert.Equal(expected, Assert.Single(PreviewRows(Row(qf: qf)).Families).QuotientFamilial);

    [Fact]
    public void A_quotient_with_cents_is_counted_in_whole_euros_as_tariff_brackets_are()
    {
        var preview = PreviewRows(Row(qf: "699,80"));

        Assert.Equal(699, Assert.Single(preview.Families).QuotientFamilial);
        Assert.Equal(["Ligne 2, colonne « Quotient familial » : 699,80 est compté 699, sans les centimes, comme les tranches de tarif."], preview.Warnings.Texts());
    }

    [Fact]
    public void A_justificatif_dated_in_the_future_is_an_error()
    {
        var preview = PreviewRows(Row(qfDate: "15/09/2027"));

        Assert.Equal(["Ligne 2, colonne « Date du justificatif QF » : le justificatif serait daté du 15/09/2027, après aujourd'hui (10/12/2026) : vérifiez l'année."],
            preview.Errors.Texts());
    }

    [Fact]
    public void A_quotient_without_its_justificatif_date_is_imported_with_a_warning()
    {
        var preview = PreviewRows(Row(qfDate: ""), Row(firstName: "Noël", birth: "12/11/2021", qfDate: "", card: "04A2B3C4D5E6F8"));

        Assert.Null(Assert.Single(preview.Families).QuotientFamilialDate);
        Assert.Equal(["Ligne 2 : le quotient familial 650 de la famille 1042 (MARTIN) n'a pas de date de justificatif."], preview.Warnings.Texts());
    }

    [Theory]
    [InlineData("31/02/2018", "« 31/02/2018 » n'est pas une date (attendu : jj/mm/aaaa, par exemple 03/05/2018).")]
    [InlineData("03/05/18", "« 03/05/18 » n'est pas une date (attendu : jj/mm/aaaa, par exemple 03/05/2018).")]
    [InlineData("11/12/2026", "la date de naissance 11/12/2026 est après aujourd'hui (10/12/2026).")]
    [InlineData("", "valeur obligatoire manquante.")]
    public void A_birth_date_that_cannot_be_is_an_error(string birth, string problem) =>
        Assert.Equal([$"Ligne 2, colonne « Date de naissance » : {problem}"], PreviewRows(Row(birth: birth)).Errors.Texts());

    [Theory]
    [InlineData("03/05/2018")]
    [InlineData("3/5/2018")]
    [InlineData("03-05-2018")]
    [InlineData("03.05.2018")]
    [InlineData("2018-05-03")]
    [InlineData("03/05/2018 00:00:00")]
    public void Dates_as_exports_write_them(string birth) =>
        Assert.Equal(new DateOnly(2018, 5, 3), Assert.Single(Assert.Single(PreviewRows(Row(birth: birth)).Families).Children).BirthDate);

    [Fact]
    public void A_parent_s_birth_date_typed_for_the_child_is_flagged()
    {
        var preview = PreviewRows(Row(birth: "14/02/1985"));

        Assert.Single(preview.Families);
        Assert.Equal(["Ligne 2, colonne « Date de naissance » : né(e) le 14/02/1985, l'enfant aurait 41 ans : vérifiez qu'il ne s'agit pas de la date de naissance d'un parent."],
            preview.Warnings.Texts());
    }

    [Fact]
    public void A_card_number_that_is_not_a_card_uid_is_an_error()
    {
        var preview = PreviewRows(Row(card: "04A2B3C4D5"));

        Assert.Equal(["Ligne 2, colonne « Numéro de carte » : « 04A2B3C4D5 » n'est pas un numéro de carte (4, 7 ou 10 octets en hexadécimal, par exemple 04A2B3C4D5E6F7)."],
            preview.Errors.Texts());
    }

    [Fact]
    public void One_card_for_two_children_is_an_error_on_the_second()
    {
        var preview = PreviewRows(Row(), Row(family: "1043", name: "DUPONT", childName: "DUPONT", firstName: "Chloé", card: "04:a2:b3:c4:d5:e6:f7"));

        Assert.Equal(["Ligne 3, colonne « Numéro de carte » : la carte 04A2B3C4D5E6F7 est déjà celle de Léa MARTIN (ligne 2)."], preview.Errors.Texts());
        Assert.Single(preview.Families);
    }

    [Fact]
    public void A_child_at_a_school_the_commune_does_not_have_is_an_error()
    {
        var preview = PreviewRows(Row(school: "École Jean Moulin"));

        Assert.Equal(["Ligne 2, colonne « École » : l'école « École Jean Moulin » n'est pas une école de la commune."], preview.Errors.Texts());
        Assert.Empty(preview.Families);
    }

    [Fact]
    public void A_child_listed_twice_in_a_family_is_an_error_on_the_second_row()
    {
        var preview = PreviewRows(Row(), Row(firstName: "LEA", card: ""));

        Assert.Equal(["Ligne 3 : LEA MARTIN, né(e) le 03/05/2018, figure déjà à la ligne 2 dans la famille 1042."], preview.Errors.Texts());
        Assert.Equal(["1042 MARTIN (ligne 2) · 3 rue des Lilas · 95120 Ermont · 01 34 56 78 90 · marie.martin@example.fr · QF 650 du 15/09/2026"
                      + " | ligne 2 : Léa MARTIN 03/05/2018 ecole-jules-ferry CE1 lun mar jeu ven carte 04A2B3C4D5E6F7 | lignes en erreur : 3"], preview.Families());
    }

    [Fact]
    public void A_child_in_two_families_is_flagged_as_a_family_under_two_numbers()
    {
        var preview = PreviewRows(Row(), Row(family: "2042", card: ""));

        Assert.Equal(2, preview.Families.Count);
        Assert.Equal(
            ["Ligne 3, colonne « Numéro de carte » : pas de carte pour Léa MARTIN : elle pourra être remise plus tard depuis la fiche de l'enfant.",
             "Ligne 3 : Léa MARTIN, né(e) le 03/05/2018, figure aussi dans la famille 1042 (ligne 2) : vérifiez qu'il ne s'agit pas d'une même famille sous deux numéros."],
            preview.Warnings.Texts());
    }

    [Fact]
    public void Rows_of_one_family_that_disagree_are_errors_naming_both_values()
    {
        var preview = PreviewRows(
            Row(),
            Row(firstName: "Noël", birth: "12/11/2021", address: "5 rue des Lilas", qf: "720", card: "04A2B3C4D5E6F8"),
            Row(firstName: "Jade", birth: "01/02/2020", name: "Martin", address: "3, RUE DES LILAS", email: "", card: "04A2B3C4D5E6F9"));

        Assert.Equal(
            ["Ligne 3, colonne « Adresse » : la famille 1042 a « 3 rue des Lilas » à la ligne 2 ; cette ligne dit « 5 rue des Lilas ». Une famille a les mêmes informations sur chaque ligne de ses enfants.",
             "Ligne 3, colonne « Quotient familial » : la famille 1042 a « 650 » à la ligne 2 ; cette ligne dit « 720 ». Une famille a les mêmes informations sur chaque ligne de ses enfants."],
            preview.Errors.Texts());
        var family = Assert.Single(preview.Families);
        Assert.Equal((650, "3 rue des Lilas"), (family.QuotientFamilial, family.Address));
        Assert.Equal(["Léa", "Jade"], family.Children.Select(c => c.FirstName));
        Assert.Equal([3], family.RejectedLines);
    }

    [Fact]
    public void A_later_row_completes_what_the_first_left_empty()
    {
        var preview = PreviewRows(Row(phone: "", qf: "", qfDate: ""), Row(firstName: "Noël", birth: "12/11/2021", card: "04A2B3C4D5E6F8"));

        var family = Assert.Single(preview.Families);
        Assert.Equal(("01 34 56 78 90", 650, new DateOnly(2026, 9, 15)), (family.Phone, family.QuotientFamilial, family.QuotientFamilialDate));
        Assert.Empty(preview.Warnings);
    }

    [Fact]
    public void A_family_whose_first_row_has_an_error_is_founded_by_its_next_row()
    {
        var preview = PreviewRows(Row(school: "inconnue"), Row(firstName: "Noël", birth: "12/11/2021", card: "04A2B3C4D5E6F8"));

        var family = Assert.Single(preview.Families);
        Assert.Equal(3, family.Line);
        Assert.Equal([2], family.RejectedLines);
    }

    [Theory]
    [InlineData("lun,mar,jeu,ven", "lun mar jeu ven")]
    [InlineData("L M J V", "lun mar jeu ven")]
    [InlineData("LMJV", "lun mar jeu ven")]
    [InlineData("Lundi, Mardi, Mercredi", "lun mar mer")]
    [InlineData("ven;lun", "lun ven")]
    [InlineData("me", "mer")]
    [InlineData("", "")]
    public void Canteen_days_as_exports_write_them(string days, string expected)
    {
        var child = Assert.Single(Assert.Single(PreviewRows(Row(days: days.Contains(';') ? $"\"{days}\"" : days)).Families).Children);
        Assert.Equal(expected, string.Join(' ', child.CanteenDays.Select(d => FrenchTextOfDay(d)[..3])));
    }

    private static string FrenchTextOfDay(DayOfWeek day) => CarteValoise.Domain.Canteen.FrenchText.Weekday(day);

    [Theory]
    [InlineData("lun-ven", "« lun-ven » n'est pas un jour de cantine")]
    [InlineData("lun,sam", "« sam » n'est pas un jour de cantine")]
    public void A_day_that_is_not_a_school_day_is_an_error(string days, string problem) =>
        Assert.Equal([$"Ligne 2, colonne « Jours de cantine » : {problem} (lundi, mardi, mercredi, jeudi ou vendredi ; par exemple « lun,mar,jeu,ven » ou « L M J V »)."],
            PreviewRows(Row(days: days)).Errors.Texts());

    [Theory]
    [InlineData("oui", true)]
    [InlineData("OUI", true)]
    [InlineData("X", true)]
    [InlineData("Non", false)]
    [InlineData("", false)]
    public void Pai_as_exports_write_it(string pai, bool expected) =>
        Assert.Equal(expected, Assert.Single(Assert.Single(PreviewRows(Row(pai: pai)).Families).Children).Pai);

    [Fact]
    public void A_pai_that_is_neither_yes_nor_no_is_an_error() =>
        Assert.Equal(["Ligne 2, colonne « PAI » : « à voir » n'est pas une réponse (oui ou non)."], PreviewRows(Row(pai: "à voir")).Errors.Texts());

    [Fact]
    public void Malformed_contact_details_are_left_out_with_a_warning()
    {
        var preview = PreviewRows(Row(phone: "01 34 56", email: "marie.martin@", postalCode: "9512"));

        var family = Assert.Single(preview.Families);
        Assert.Equal(("", "", ""), (family.Phone, family.Email, family.PostalCode));
        Assert.Equal(
            ["Ligne 2, colonne « Code postal » : « 9512 » n'est pas un code postal (5 chiffres) : il n'est pas importé.",
             "Ligne 2, colonne « Téléphone » : « 01 34 56 » n'est pas un numéro de téléphone (10 chiffres, par exemple 01 34 56 78 90) : il n'est pas importé.",
             "Ligne 2, colonne « Courriel » : « marie.martin@ » n'est pas une adresse électronique : elle n'est pas importée."],
            preview.Warnings.Texts());
    }

    [Fact]
    public void Missing_required_values_are_named_one_by_one()
    {
        var preview = PreviewRows(Row(family: "", firstName: "", school: ""));

        Assert.Equal(
            ["Ligne 2, colonne « N° famille » : valeur obligatoire manquante.",
             "Ligne 2, colonne « Prénom de l'enfant » : valeur obligatoire manquante.",
             "Ligne 2, colonne « École » : valeur obligatoire manquante."],
            preview.Errors.Texts());
    }

    [Fact]
    public void A_file_without_the_optional_columns_says_once_what_follows()
    {
        var preview = Preview("N° famille;Nom de famille;Prénom de l'enfant;Date de naissance;École\n1042;MARTIN;Léa;03/05/2018;ecole-jules-ferry\n");

        Assert.Equal(
            ["Le fichier n'a pas de colonne « Quotient familial » : les familles paieront le plein tarif jusqu'à ce que leur quotient soit saisi.",
             "Le fichier n'a pas de colonne « Numéro de carte » : les cartes seront remises depuis la fiche de chaque enfant."],
            preview.Warnings.Texts());
        Assert.Equal(1, preview.Totals.ChildrenWithoutCard);
    }

    [Fact]
    public void An_empty_file_and_a_file_of_only_the_header_say_so()
    {
        Assert.Equal(["Le fichier est vide : il doit commencer par une ligne qui nomme les colonnes."], Preview("").Errors.Texts());
        Assert.Equal(["Le fichier ne contient que la ligne des colonnes : aucune famille à importer."], Preview(Header + "\r\n").Errors.Texts());
    }

    [Fact]
    public void A_spreadsheet_uploaded_instead_of_its_csv_is_recognised()
    {
        byte[] xlsx = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xEE, 0x9D, 0x68];

        Assert.Equal(["Ce fichier n'est pas un fichier CSV (un classeur Excel ?) : enregistrez-le au format « CSV (séparateur : point-virgule) » puis importez-le à nouveau."],
            Preview(xlsx).Errors.Texts());
    }

    [Fact]
    public void The_lists_stop_at_the_limit_and_the_totals_count_everything()
    {
        var csv = string.Join("\n", Enumerable.Range(0, 5).Select(i => Row(family: $"{3000 + i}", qf: "abc", card: "")).Prepend(Header));

        var preview = Preview(csv, Options with { MaxMessages = 2 });

        Assert.Equal([2, 3], preview.Errors.Select(e => e.Line!.Value));
        Assert.Equal((5, 2, 2), (preview.Totals.Errors, preview.Errors.Count, preview.Warnings.Count));
        Assert.Equal(5, preview.Totals.Warnings);
    }

    [Fact]
    public void Text_already_decoded_is_read_the_same_without_byte_counts()
    {
        var reports = new List<ImportProgress>();

        var preview = FamiliesCsvImport.Preview(new StringReader(Export), Options, new Reports(reports));

        Assert.Equal(ExportFamilies, preview.Families());
        Assert.Null(preview.EncodingName);
        Assert.Equal([new ImportProgress(0, null, null), new ImportProgress(4, null, null)], reports);
    }

    [Fact]
    public void An_agent_who_leaves_the_page_stops_the_reading()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => FamiliesCsvImport.Preview(new StringReader(Export), Options, cancellation: cancelled.Token));
    }

    [Fact]
    public void An_unreadable_stream_throws_rather_than_pretending_the_file_is_empty()
    {
        var error = Assert.Throws<IOException>(() => FamiliesCsvImport.Preview(new FailingStream(), Options));
        Assert.Equal("connexion interrompue", error.Message);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connexion interrompue");
    }
}

/// <summary>An IProgress that records in the calling thread, unlike Progress&lt;T&gt;, which posts to the thread pool.</summary>
internal sealed class Reports(List<ImportProgress> reports) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => reports.Add(value);
}
