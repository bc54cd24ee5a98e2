namespace CarteValoise.Domain.Canteen;

/// <summary>The service named inside a sentence, with its article and agreement: «la cantine … proposée», «l'accueil du soir … proposé».</summary>
internal static class ServiceNaming
{
    /// <summary>«la cantine», «l'accueil du soir».</summary>
    public static string WithArticle(this SchoolService service) => service == SchoolService.Canteen
        ? "la cantine"
        : $"l'{service.Label().ToLowerInvariant()}";

    /// <summary>«La cantine n'est pas proposée», «L'accueil du soir n'est pas proposé».</summary>
    public static string NotOffered(this SchoolService service)
    {
        var named = service.WithArticle();
        return $"{char.ToUpperInvariant(named[0])}{named[1..]} n'est pas {(service == SchoolService.Canteen ? "proposée" : "proposé")}";
    }
}
