using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.Reservations;

/// <summary>
/// Whom the reservation tests act for. The Argenteuil family 95018-F001 is used by no other test:
/// its second child's days are the page tests', its first child's the browser test's, so that the
/// two never see each other's reservations in the shared cloud. Children are "INSEE-C" + family + child.
/// Both children eat at the canteen every day (standing reservations of the demo), and have no care
/// reserved; Argenteuil bills monthly, so no balance stands in the way of a reservation.
/// </summary>
public static class ReservationDemo
{
    public const string Parent = "parent.argenteuil@demo.cartevaloise.fr";
    public const string Commune = "95018";
    public const string Agent = "agent.argenteuil@demo.cartevaloise.fr";
    public const string PageTestsChild = "95018-C0012";
    public const string BrowserTestChild = "95018-C0011";
    /// <summary>A child of the Pontoise demo family: another family, another commune.</summary>
    public const string OtherFamilyChild = "95500-C0011";
    public const string OtherFamilyAgent = "agent.pontoise@demo.cartevaloise.fr";

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly TodayInParis => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string PageOf(string childId, DateOnly monday) =>
        $"/Reservations?enfant={Uri.EscapeDataString(childId)}&semaine={monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

/// <summary>Days and times as the cloud's refusals and the page's confirmations write them, spelt out here so that the tests do not trust the code under test.</summary>
public static class FrenchWords
{
    private static readonly string[] Weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>«jeudi 10 décembre 2026», «mardi 1er décembre 2026».</summary>
    public static string Day(DateOnly day) =>
        $"{Weekdays[(int)day.DayOfWeek]} {(day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture))} {Months[day.Month - 1]} {day.Year}";

    /// <summary>«de Léa», «d'Inès», «d'Hugo».</summary>
    public static string Of(string firstName) =>
        "AEIOUHÀÂÉÈÊËÎÏÔÛÜ".Contains(char.ToUpperInvariant(firstName[0])) ? $"d'{firstName}" : $"de {firstName}";

    /// <summary>«cantine», «accueil du soir»: a service of the page (by its field word) inside a confirmation.</summary>
    public static string Service(string field) => field switch
    {
        "cantine" => "cantine",
        "matin" => "accueil du matin",
        "soir" => "accueil du soir",
        "mercredi" => "accueil du mercredi",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a service of the reservation page."),
    };

    /// <summary>«le repas du jeudi 10 décembre 2026», «l'accueil du matin du …», «l'accueil du mercredi 9 décembre 2026»: as a refusal names it.</summary>
    public static string ServiceOn(string field, DateOnly day) => field switch
    {
        "cantine" => $"le repas du {Day(day)}",
        "mercredi" => $"l'accueil du {Day(day)}",
        _ => $"l'{Service(field)} du {Day(day)}",
    };

    /// <summary>«octobre 2026».</summary>
    public static string Month(DateOnly day) => $"{Months[day.Month - 1]} {day.Year}";

    /// <summary>«12,34 €», «1 234,00 €»: plain spaces, as the portal writes amounts.</summary>
    public static string Euros(long cents) =>
        (cents / 100m).ToString("#,##0.00", new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NegativeSign = "-" }) + " €";

    /// <summary>«mardi 8 décembre 2026 à 12:00», on a clock in Paris.</summary>
    public static string DayAndTime(DateTimeOffset instant)
    {
        var paris = TimeZoneInfo.ConvertTime(instant, ReservationDemo.Paris);
        return $"{Day(DateOnly.FromDateTime(paris.DateTime))} à {paris.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }
}
