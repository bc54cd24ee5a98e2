namespace CarteValoise.Domain.Enrolment;

/// <summary>The columns the import understands.</summary>
public enum ImportColumn
{
    FamilyNumber,
    FamilyName,
    Address,
    PostalCode,
    City,
    Phone,
    Email,
    QuotientFamilial,
    QuotientFamilialDate,
    ChildLastName,
    ChildFirstName,
    BirthDate,
    School,
    Class,
    Pai,
    CanteenDays,
    CardNumber,
}

/// <summary>
/// A column as the help text of the import page shows it: its name, whether the file must have it,
/// an example value, and the other headers other software uses for it.
/// </summary>
public sealed record ImportColumnInfo(ImportColumn Column, string Name, bool Required, string Example, IReadOnlyList<string> OtherNames);

/// <summary>The columns of a families file, in the order of the model file the page offers.</summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumnInfo> All =
    [
        new(ImportColumn.FamilyNumber, "N° famille", true, "1042", ["Numéro de famille", "No famille", "Code famille", "Identifiant famille", "Id famille"]),
        new(ImportColumn.FamilyName, "Nom de famille", true, "MARTIN", ["Nom famille", "Nom du responsable", "Responsable"]),
        new(ImportColumn.Address, "Adresse", false, "3 rue des Lilas", ["Adresse postale", "Rue"]),
        new(ImportColumn.PostalCode, "Code postal", false, "95120", ["CP"]),
        new(ImportColumn.City, "Ville", false, "Ermont", ["Commune"]),
        new(ImportColumn.Phone, "Téléphone", false, "01 34 56 78 90", ["Tél", "Portable", "Téléphone portable"]),
        new(ImportColumn.Email, "Courriel", false, "marie.martin@example.fr", ["E-mail", "Email", "Mail", "Adresse électronique"]),
        new(ImportColumn.QuotientFamilial, "Quotient familial", false, "650", ["QF"]),
        new(ImportColumn.QuotientFamilialDate, "Date du justificatif QF", false, "15/09/2026", ["Date justificatif QF", "Date du QF", "Date QF", "Date du justificatif"]),
        new(ImportColumn.ChildLastName, "Nom de l'enfant", false, "MARTIN", ["Nom enfant"]),
        new(ImportColumn.ChildFirstName, "Prénom de l'enfant", true, "Léa", ["Prénom enfant", "Prénom"]),
        new(ImportColumn.BirthDate, "Date de naissance", true, "03/05/2018", ["Né le", "Née le", "Né(e) le", "Naissance"]),
        new(ImportColumn.School, "École", true, "Jules Ferry", ["Établissement", "École fréquentée"]),
        new(ImportColumn.Class, "Classe", false, "CE1", ["Niveau"]),
        new(ImportColumn.Pai, "PAI", false, "non", ["Panier repas", "Allergie PAI"]),
        new(ImportColumn.CanteenDays, "Jours de cantine", false, "lun,mar,jeu,ven", ["Jours cantine", "Jours de restauration", "Jours"]),
        new(ImportColumn.CardNumber, "Numéro de carte", false, "04A2B3C4D5E6F7", ["N° de carte", "N° carte", "Carte", "UID carte", "UID"]),
    ];

    public static ImportColumnInfo Info(ImportColumn column) => All[(int)column];

    private static readonly Dictionary<string, ImportColumn> ByKey = All
        .SelectMany(c => c.OtherNames.Prepend(c.Name).Select(name => (Key: TextKey.Of(name), c.Column)))
        .Append((Key: "num famille", Column: ImportColumn.FamilyNumber))
        .ToDictionary(p => p.Key, p => p.Column);

    /// <summary>The column a header names, whatever its case, accents and punctuation.</summary>
    public static ImportColumn? Named(string header) => ByKey.TryGetValue(TextKey.Of(header), out var column) ? column : null;
}
