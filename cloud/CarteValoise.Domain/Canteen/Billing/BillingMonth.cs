using System.Globalization;

namespace CarteValoise.Domain.Canteen;

/// <summary>The month an invoice covers: «décembre 2026», stored as «2026-12».</summary>
public readonly record struct BillingMonth : IComparable<BillingMonth>
{
    public BillingMonth(int year, int month)
    {
        if (year is < 2000 or > 9999 || month is < 1 or > 12)
            throw new ArgumentException($"Le mois {month} de l'année {year} n'existe pas ou sort des années facturables (2000 à 9999).");
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public static BillingMonth Of(DateOnly day) => new(day.Year, day.Month);

    public BillingMonth Next() => Of(FirstDay.AddMonths(1));

    public BillingMonth Previous() => Of(FirstDay.AddMonths(-1));

    /// <summary>«décembre 2026».</summary>
    public string Label => $"{FrenchText.Month(Month)} {Year}";

    /// <summary>«2026-12».</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static bool TryParse(string? text, out BillingMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 2000)
            return false;
        month = Of(first);
        return true;
    }

    public static BillingMonth Parse(string? text) => TryParse(text, out var month)
        ? month
        : throw new FormatException($"« {text} » n'est pas un mois de facturation (attendu : année-mois, par exemple 2026-12).");

    public int CompareTo(BillingMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
}
