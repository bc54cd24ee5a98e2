using System.Globalization;
using System.Text;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Domain.Tests.Enrolment;

/// <summary>A commune of the Val d'Oise with three schools, on the 10th of December 2026, and files as its previous software wrote them.</summary>
internal static class ImportExamples
{
    public static readonly DateOnly Today = new(2026, 12, 10);

    public static readonly SchoolDirectory Schools = new(
    [
        ("ecole-jules-ferry", "École élémentaire Jules Ferry"),
        ("ecole-pasteur", "École maternelle Pasteur"),
        ("ecole-paul-bert", "Groupe scolaire Paul Bert"),
    ]);

    public static readonly FamilyImportOptions Options = new(Schools.Resolve, Today);

    public const string Header =
        "N° famille;Nom de famille;Adresse;Code postal;Ville;Téléphone;Courriel;Quotient familial;Date du justificatif QF;Nom de l'enfant;Prénom de l'enfant;Date de naissance;École;Classe;PAI;Jours de cantine;Numéro de carte";

    /// <summary>An export as it comes: a family on two rows, an address on two lines in quotes, a family without QF nor card.</summary>
    public const string Export =
        Header + "\r\n" +
        "1042;MARTIN;3 rue des Lilas;95120;Ermont;01 34 56 78 90;marie.martin@example.fr;650;15/09/2026;MARTIN;Léa;03/05/2018;École élémentaire Jules Ferry;CE1;non;lun,mar,jeu,ven;04A2B3C4D5E6F7\r\n" +
        "1042;MARTIN;3 rue des Lilas;95120;Ermont;01 34 56 78 90;marie.martin@example.fr;650;15/09/2026;MARTIN;Noël;12/11/2021;ecole-pasteur;MS;oui;L M J V;04:A2:B3:C4:D5:E6:F8\r\n" +
        "1043;DUPONT-NGUYEN;\"Résidence « Les Tilleuls »; bât. B\r\n12 avenue de la Gare\";95120;Ermont;06.12.34.56.78;;1 250;02/10/2026;DUPONT;Chloé;21/01/2016;ECOLE ELEMENTAIRE JULES FERRY;CM1;non;lundi mardi jeudi;\r\n" +
        "1044;BENALI;8 allée des Peupliers;95120;Ermont;+33 6 98 76 54 32;k.benali@example.fr;;;;Yanis;30/08/2019;Groupe scolaire Paul Bert;CP;Non;;DEADBEEF\r\n";

    /// <summary>The families of <see cref="Export"/> as the preview page would list them.</summary>
    public static readonly string[] ExportFamilies =
    [
        "1042 MARTIN (ligne 2) · 3 rue des Lilas · 95120 Ermont · 01 34 56 78 90 · marie.martin@example.fr · QF 650 du 15/09/2026"
            + " | ligne 2 : Léa MARTIN 03/05/2018 ecole-jules-ferry CE1 lun mar jeu ven carte 04A2B3C4D5E6F7"
            + " | ligne 3 : Noël MARTIN 12/11/2021 ecole-pasteur MS PAI lun mar jeu ven carte 04A2B3C4D5E6F8",
        "1043 DUPONT-NGUYEN (ligne 4) · Résidence « Les Tilleuls »; bât. B / 12 avenue de la Gare · 95120 Ermont · 06 12 34 56 78 ·  · QF 1250 du 02/10/2026"
            + " | ligne 4 : Chloé DUPONT 21/01/2016 ecole-jules-ferry CM1 lun mar jeu sans carte",
        "1044 BENALI (ligne 6) · 8 allée des Peupliers · 95120 Ermont · 06 98 76 54 32 · k.benali@example.fr · sans QF"
            + " | ligne 6 : Yanis BENALI 30/08/2019 ecole-paul-bert CP  carte DEADBEEF",
    ];

    public static readonly string[] ExportWarnings =
    [
        "Ligne 4, colonne « Numéro de carte » : pas de carte pour Chloé DUPONT : elle pourra être remise plus tard depuis la fiche de l'enfant.",
        "Ligne 6 : pas de quotient familial pour la famille 1044 (BENALI) : elle paiera le plein tarif jusqu'à ce qu'il soit saisi.",
    ];

    public static FamilyImportPreview Preview(string csv, FamilyImportOptions? options = null) =>
        Preview(Encoding.UTF8.GetBytes(csv), options);

    public static FamilyImportPreview Preview(byte[] file, FamilyImportOptions? options = null, IProgress<ImportProgress>? progress = null) =>
        FamiliesCsvImport.Preview(new MemoryStream(file, writable: false), options ?? Options, progress);

    /// <summary>A file of the header and the given rows, lines separated as Windows software writes them.</summary>
    public static FamilyImportPreview PreviewRows(params string[] rows) => Preview(string.Join("\r\n", rows.Prepend(Header)) + "\r\n");

    public static string Row(string family = "1042", string name = "MARTIN", string address = "3 rue des Lilas", string postalCode = "95120",
        string city = "Ermont", string phone = "01 34 56 78 90", string email = "marie.martin@example.fr", string qf = "650",
        string qfDate = "15/09/2026", string childName = "MARTIN", string firstName = "Léa", string birth = "03/05/2018",
        string school = "ecole-jules-ferry", string @class = "CE1", string pai = "non", string days = "lun,mar,jeu,ven", string card = "04A2B3C4D5E6F7") =>
        string.Join(';', family, name, address, postalCode, city, phone, email, qf, qfDate, childName, firstName, birth, school, @class, pai, days, card);

    public static IEnumerable<string> Texts(this IEnumerable<ImportMessage> messages) => messages.Select(m => m.Text);

    /// <summary>A family as one line: what the agent checks in the preview.</summary>
    public static string Describe(ImportedFamily f) =>
        $"{f.FormerNumber} {f.Name} (ligne {f.Line}) · {f.Address.Replace("\n", " / ")} · {f.PostalCode} {f.City} · {f.Phone} · {f.Email} · "
        + (f.QuotientFamilial is { } qf ? $"QF {qf}" + (f.QuotientFamilialDate is { } d ? $" du {Date(d)}" : " sans date") : "sans QF")
        + string.Concat(f.Children.Select(c =>
            $" | ligne {c.Line} : {c.FirstName} {c.LastName} {Date(c.BirthDate)} {c.SchoolId} {c.Class} {(c.Pai ? "PAI " : "")}"
            + string.Join(' ', c.CanteenDays.Select(Day)) + (c.Card is { } card ? $" carte {card.Value}" : " sans carte")))
        + (f.RejectedLines.Count > 0 ? $" | lignes en erreur : {string.Join(", ", f.RejectedLines)}" : "");

    public static string[] Families(this FamilyImportPreview preview) => [.. preview.Families.Select(Describe)];

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "lun",
        DayOfWeek.Tuesday => "mar",
        DayOfWeek.Wednesday => "mer",
        DayOfWeek.Thursday => "jeu",
        DayOfWeek.Friday => "ven",
        _ => day.ToString(),
    };
}
