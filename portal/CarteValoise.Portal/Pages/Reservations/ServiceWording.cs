using CarteValoise.Contracts.Canteen;

namespace CarteValoise.Portal.Pages.Reservations;

/// <summary>
/// How the parent's pages name each school service, and the short word a form field carries for
/// it («cantine», «matin», «soir», «mercredi»), so that a posted form reads like the page.
/// </summary>
public static class ServiceWording
{
    private static readonly (SchoolServiceKind Kind, string Field, string Label)[] Services =
    [
        (SchoolServiceKind.SchoolServiceCanteen, "cantine", "Cantine"),
        (SchoolServiceKind.SchoolServiceMorningCare, "matin", "Accueil du matin"),
        (SchoolServiceKind.SchoolServiceEveningCare, "soir", "Accueil du soir"),
        (SchoolServiceKind.SchoolServiceWednesdayCare, "mercredi", "Accueil du mercredi"),
    ];

    /// <summary>«Cantine», «Accueil du soir»: a column heading.</summary>
    public static string Label(SchoolServiceKind service) => Find(service).Label;

    /// <summary>«cantine», «accueil du soir»: inside a sentence.</summary>
    public static string InSentence(SchoolServiceKind service) => Find(service).Label.ToLowerInvariant();

    /// <summary>«cantine», «matin», «soir», «mercredi»: what a form field and a data-service marker carry.</summary>
    public static string Field(SchoolServiceKind service) => Find(service).Field;

    public static bool TryParseField(string? field, out SchoolServiceKind service)
    {
        foreach (var known in Services)
        {
            if (string.Equals(known.Field, field, StringComparison.Ordinal))
            {
                service = known.Kind;
                return true;
            }
        }
        service = default;
        return false;
    }

    private static (SchoolServiceKind Kind, string Field, string Label) Find(SchoolServiceKind service)
    {
        foreach (var known in Services)
        {
            if (known.Kind == service) return known;
        }
        // A service added to the contract after this page: named by its number rather than failing the page.
        var number = ((int)service).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (service, $"service{number}", $"Service {number}");
    }
}
