namespace CarteValoise.Domain.Documents;

/// <summary>How long a kind of document stays valid, counted from the date the citizen gives.</summary>
public enum ValidityRule
{
    /// <summary>Three months from its date: the last valid day is the day before the same date three months later.</summary>
    ThreeMonths = 1,
    /// <summary>Until 31 December of the year after the year of its date.</summary>
    EndOfFollowingYear = 2,
    /// <summary>The date given is the document's own expiry date, its last valid day.</summary>
    GivenExpiryDate = 3,
    /// <summary>Never expires.</summary>
    NoExpiry = 4,
}

/// <summary>
/// A kind of supporting document (pièce justificative) the safe knows: its name, its validity rule
/// and what the date the citizen gives means for it.
/// </summary>
/// <param name="Code">The wire code, e.g. "justificatif-domicile".</param>
/// <param name="Label">«Justificatif de domicile».</param>
/// <param name="ValidityText">The rule in the citizen's words, shown beside the type.</param>
/// <param name="DateLabel">The date field's label for this kind: «Date du justificatif», «Date d'expiration de la pièce».</param>
/// <param name="DateHint">What to type in that field, under its label.</param>
/// <param name="Rule">How the last valid day follows from the date.</param>
public sealed record DocumentKind(string Code, string Label, string ValidityText, string DateLabel, string DateHint, ValidityRule Rule)
{
    /// <summary>True when the citizen gives the document's expiry date rather than its date (pièce d'identité).</summary>
    public bool AsksExpiryDate => Rule == ValidityRule.GivenExpiryDate;

    /// <summary>A document that never expires needs no date (a livret de famille's is rarely known).</summary>
    public bool DateRequired => Rule != ValidityRule.NoExpiry;

    /// <summary>The last day the document is valid, from the date the citizen gave; null when it never expires.</summary>
    public DateOnly? ValidUntil(DateOnly? date) => Rule switch
    {
        ValidityRule.ThreeMonths => date?.AddMonths(3).AddDays(-1),
        ValidityRule.EndOfFollowingYear => date is { } day ? new DateOnly(day.Year + 1, 12, 31) : null,
        ValidityRule.GivenExpiryDate => date,
        _ => null,
    };

    /// <summary>The document's own date (null for a pièce d'identité, whose given date is its expiry date).</summary>
    public DateOnly? IssuedOn(DateOnly? date) => AsksExpiryDate ? null : date;
}
