using CarteValoise.Contracts.Demarches;
using CarteValoise.Web.Formatting;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The queue's filters as the address bar carries them (/Admin/Demarches?demarche=…&amp;etat=…&amp;du=…),
/// so that a filtered queue can be bookmarked, paged and exported as it is shown.
/// </summary>
public sealed class DeskQueueFilter
{
    public const string DemarcheField = "demarche";
    public const string StateField = "etat";
    public const string FromField = "du";
    public const string ToField = "au";
    public const string AssignedField = "attribuee";
    public const string OverdueField = "retard";
    public const string InProgressField = "encours";
    public const string SearchField = "recherche";
    public const string PageField = "page";

    /// <summary>The «attribuée à» choices that are no agent.</summary>
    public const string Me = "moi";
    public const string Nobody = "personne";

    public string Commune { get; init; } = "";
    public string Demarche { get; init; } = "";
    public string State { get; init; } = "";
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string Assigned { get; init; } = "";
    public bool OverdueOnly { get; init; }
    public bool InProgressOnly { get; init; }
    public string Search { get; init; } = "";
    public int Page { get; init; } = 1;

    /// <summary>Reads the query; a day that is no day is said next to its field, and the queue is not asked for.</summary>
    public static DeskQueueFilter Read(string commune, IQueryCollection query, ModelStateDictionary errors)
    {
        string Text(string name) => query[name].ToString().Trim();
        var from = Day(Text(FromField), FromField, "Déposée du", errors);
        var to = Day(Text(ToField), ToField, "Déposée au", errors);
        if (from is { } first && to is { } last && first > last)
            errors.AddModelError(ToField, $"La date de fin ({FrenchFormat.Day(last)}) est avant la date de début ({FrenchFormat.Day(first)}).");
        return new DeskQueueFilter
        {
            Commune = commune,
            Demarche = Text(DemarcheField),
            State = Text(StateField),
            From = from is { } f ? FrenchFormat.WireDay(f) : Text(FromField),
            To = to is { } t ? FrenchFormat.WireDay(t) : Text(ToField),
            Assigned = Text(AssignedField),
            OverdueOnly = IsOn(Text(OverdueField)),
            InProgressOnly = IsOn(Text(InProgressField)),
            Search = Text(SearchField),
            Page = int.TryParse(Text(PageField), out var page) && page > 0 ? page : 1,
        };
    }

    public ListRequestsRequest ToRequest() => new()
    {
        CommuneInseeCode = Commune,
        DemarcheId = Demarche,
        StateId = State,
        From = From,
        To = To,
        Assigned = Assigned,
        OverdueOnly = OverdueOnly,
        InProgressOnly = InProgressOnly,
        Search = Search,
        Page = Page,
        PageSize = 50,
    };

    /// <summary>The query of this queue at another page (for the page links and the export), filters kept, empty ones left out.</summary>
    public Dictionary<string, string> Query(int? page = null)
    {
        var query = new Dictionary<string, string> { ["commune"] = Commune };
        void Add(string name, string value)
        {
            if (value.Length > 0) query[name] = value;
        }
        Add(DemarcheField, Demarche);
        Add(StateField, State);
        Add(FromField, From);
        Add(ToField, To);
        Add(AssignedField, Assigned);
        Add(OverdueField, OverdueOnly ? "oui" : "");
        Add(InProgressField, InProgressOnly ? "oui" : "");
        Add(SearchField, Search);
        if (page is > 1) query[PageField] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return query;
    }

    /// <summary>A link to this queue (or its export) at another page: built by hand, since Razor Pages keep «page» for the page's path.</summary>
    public string Link(string path, int? page = null) =>
        path + Microsoft.AspNetCore.Http.QueryString.Create(Query(page).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    /// <summary>The CSV of this queue, every page.</summary>
    public string ExportLink(string path) =>
        path + Microsoft.AspNetCore.Http.QueryString.Create(Query().Prepend(new("handler", "Export")).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    private static bool IsOn(string value) => value is "oui" or "on" or "true";

    private static DateOnly? Day(string typed, string field, string label, ModelStateDictionary errors)
    {
        if (typed.Length == 0) return null;
        if (FrenchFormat.TryParseTypedDay(typed, out var day)) return day;
        errors.AddModelError(field, $"« {label} » doit être une date, par exemple 04/12/2026 (ici « {typed} »).");
        return null;
    }
}
