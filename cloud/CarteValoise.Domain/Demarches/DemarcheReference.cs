using CarteValoise.Domain.Household;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// A démarche request's number, as the citizen quotes it at the counter and the agent searches it:
/// «DEM-95127-2026-000012», the commune processing it, the year it was submitted (Paris), and its
/// number in that commune's year, from 1 without gaps.
/// </summary>
public sealed record DemarcheReference(string CommuneCode, int Year, int Number)
{
    public const string Prefix = "DEM";

    public override string ToString() => CommuneYearReference.Format(Prefix, CommuneCode, Year, Number);

    public static bool TryParse(string? text, out DemarcheReference reference)
    {
        var parsed = CommuneYearReference.TryParse(text, Prefix, out var commune, out var year, out var number);
        reference = parsed ? new DemarcheReference(commune, year, number) : null!;
        return parsed;
    }
}
