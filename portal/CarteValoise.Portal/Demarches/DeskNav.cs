namespace CarteValoise.Portal.Demarches;

/// <summary>The agents' démarches pages, for the menu above each of them: the commune carried along, the page shown marked.</summary>
public sealed record DeskNav(string Commune, string Current)
{
    public const string Queue = "/Admin/Demarches";
    public const string Counter = "/Admin/Demarches/Guichet";
    public const string Statistics = "/Admin/Demarches/Statistiques";
    public const string Catalogue = "/Admin/Demarches/Catalogue";

    public static readonly IReadOnlyList<(string Path, string Text)> Pages =
    [
        (Queue, "File des demandes"),
        (Counter, "Enregistrer une demande au guichet"),
        (Statistics, "Statistiques"),
        (Catalogue, "Catalogue"),
    ];
}
