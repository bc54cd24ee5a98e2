using CarteValoise.Domain.Cards;

namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// A problem or a remark about the file, where the agent will find it: «Ligne 14, colonne
/// « Quotient familial » : 12 000 est hors des bornes admises (0 à 10 000).» The line is the
/// line of the file the row starts on (the header is line 1); the column is named as the file's
/// header names it. A message about the whole file has neither, and <see cref="Problem"/> is then
/// the whole sentence.
/// </summary>
public sealed record ImportMessage(int? Line, string? Column, string Problem)
{
    public string Text => (Line, Column) switch
    {
        ({ } line, { } column) => $"Ligne {line}, colonne « {column} » : {Problem}",
        ({ } line, null) => $"Ligne {line} : {Problem}",
        _ => string.Concat(Problem[..1].ToUpperInvariant(), Problem[1..]),
    };

    public override string ToString() => Text;
}

/// <summary>A child read from one row, ready to enrol.</summary>
public sealed record ImportedChild(
    int Line,
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    string SchoolId,
    string Class,
    bool Pai,
    IReadOnlyList<DayOfWeek> CanteenDays,
    CardUid? Card);

/// <summary>
/// A family as the rows of its children describe it. <see cref="FormerNumber"/> is its number in
/// the previous software (the «N° famille» column), kept to recognise it on a second import.
/// <see cref="RejectedLines"/> are rows of this family left out for their errors: the family is
/// then incomplete until they are fixed.
/// </summary>
public sealed record ImportedFamily(
    int Line,
    string FormerNumber,
    string Name,
    string Address,
    string PostalCode,
    string City,
    string Phone,
    string Email,
    int? QuotientFamilial,
    DateOnly? QuotientFamilialDate,
    IReadOnlyList<ImportedChild> Children,
    IReadOnlyList<int> RejectedLines);

/// <summary>The figures the preview page shows above the lists.</summary>
public sealed record ImportTotals(
    int Rows,
    int RowsAccepted,
    int RowsRejected,
    int Families,
    int Children,
    int ChildrenWithoutCard,
    int Errors,
    int Warnings);

/// <summary>
/// What a families file would enrol, before anything is written: the encoding it was read in
/// (null for text handed in already decoded), the separator, the families and their
/// children from the rows without error, every error and warning (the lists stop at the limit
/// the options set; the totals count them all), and the totals.
/// </summary>
public sealed record FamilyImportPreview(
    string? EncodingName,
    char Separator,
    IReadOnlyList<ImportedFamily> Families,
    IReadOnlyList<ImportMessage> Errors,
    IReadOnlyList<ImportMessage> Warnings,
    ImportTotals Totals)
{
    /// <summary>Nothing is enrolled from a file with errors: the agent fixes it and imports it again.</summary>
    public bool CanImport => Totals.Errors == 0 && Families.Count > 0;
}
