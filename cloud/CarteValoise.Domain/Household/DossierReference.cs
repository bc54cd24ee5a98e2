namespace CarteValoise.Domain.Household;

/// <summary>
/// A dossier change request's reference, as the citizen quotes it at the counter: «DOS-95127-2026-000012»,
/// the commune processing it, the year it was submitted (Paris), and its number in that commune's
/// year, from 1 without gaps.
/// </summary>
public sealed record DossierReference(string CommuneCode, int Year, int Number)
{
    public const string Prefix = "DOS";

    public override string ToString() => CommuneYearReference.Format(Prefix, CommuneCode, Year, Number);

    public static bool TryParse(string? text, out DossierReference reference)
    {
        var parsed = CommuneYearReference.TryParse(text, Prefix, out var commune, out var year, out var number);
        reference = parsed ? new DossierReference(commune, year, number) : null!;
        return parsed;
    }
}
