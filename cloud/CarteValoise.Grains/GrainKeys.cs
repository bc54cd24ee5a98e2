using CarteValoise.Domain.Calendar;

namespace CarteValoise.Grains;

/// <summary>Keys of grains whose identity is made of several parts, written once so callers agree.</summary>
public static class GrainKeys
{
    public const string StorageName = "carte";

    public static string SchoolDay(string schoolId, DateOnly day) => $"{schoolId}/{ServiceDay.Format(day)}";

    /// <summary>The département whose directory lists every commune (Val d'Oise).</summary>
    public const string Departement = "95";
}
