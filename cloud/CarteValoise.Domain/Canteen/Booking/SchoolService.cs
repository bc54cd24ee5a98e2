namespace CarteValoise.Domain.Canteen;

/// <summary>The services a commune runs around the school day, each reserved, counted and billed on its own.</summary>
public enum SchoolService
{
    Canteen,
    MorningCare,
    EveningCare,
    WednesdayCare,
}

/// <summary>How parents and agents name each service, with French's elisions done once here.</summary>
public static class SchoolServiceNames
{
    /// <summary>«Cantine», «Accueil du matin»… as a column or an invoice line says it.</summary>
    public static string Label(this SchoolService service) => service switch
    {
        SchoolService.Canteen => "Cantine",
        SchoolService.MorningCare => "Accueil du matin",
        SchoolService.EveningCare => "Accueil du soir",
        SchoolService.WednesdayCare => "Accueil du mercredi",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Service inconnu."),
    };

    /// <summary>«Pas de cantine», «Pas d'accueil du soir».</summary>
    public static string NoService(this SchoolService service) => service switch
    {
        SchoolService.Canteen => "Pas de cantine",
        _ => $"Pas d'{service.Label().ToLowerInvariant()}",
    };

    /// <summary>«le repas du jeudi 3 décembre 2026», «l'accueil du matin du jeudi 3 décembre 2026», «l'accueil du mercredi 9 décembre 2026».</summary>
    public static string ForDay(this SchoolService service, DateOnly day) => service switch
    {
        SchoolService.Canteen => $"le repas du {FrenchText.Day(day)}",
        SchoolService.WednesdayCare => $"l'accueil du {FrenchText.Day(day)}",
        _ => $"l'{service.Label().ToLowerInvariant()} du {FrenchText.Day(day)}",
    };
}
