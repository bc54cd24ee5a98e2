using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Demarches;

/// <summary>
/// The démarches of a commune in figures, for requests filed between two days (or ever): received,
/// in progress, decided, the median and 90th percentile of the processing time, the share of each
/// channel; and the requests received per month as a chart, the table being its accessible
/// alternative. Another commune's figures are the cloud's «Accès refusé».
/// </summary>
public sealed class StatistiquesModel(DemarcheDesk.DemarcheDeskClient desk) : PageModel
{
    public const string FromField = "du";
    public const string ToField = "au";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = FromField)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = ToField)]
    public string? To { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DemarcheStatisticsReport? Report { get; private set; }

    public DeskMonthChart? Chart { get; private set; }

    public string CommuneLabel => Report?.CommuneName is { Length: > 0 } name
        ? name
        : MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    /// <summary>«du 1er septembre 2026 au 4 décembre 2026», «depuis le …», or nothing for every request.</summary>
    public string Period { get; private set; } = "";

    public async Task OnGetAsync()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null) return;
        var from = Day(From, FromField, "Du");
        var to = Day(To, ToField, "Au");
        if (from is { } first && to is { } last && first > last)
            ModelState.AddModelError(ToField, $"La date de fin ({FrenchFormat.Day(last)}) est avant la date de début ({FrenchFormat.Day(first)}).");
        if (!ModelState.IsValid) return;
        From = from is { } f ? FrenchFormat.WireDay(f) : "";
        To = to is { } t ? FrenchFormat.WireDay(t) : "";
        Period = (from, to) switch
        {
            ({ } f1, { } t1) => $"déposées du {FrenchFormat.Day(f1)} au {FrenchFormat.Day(t1)}",
            ({ } f1, null) => $"déposées depuis le {FrenchFormat.Day(f1)}",
            (null, { } t1) => $"déposées jusqu'au {FrenchFormat.Day(t1)}",
            _ => "depuis l'ouverture du service",
        };
        Report = await desk.GetStatisticsAsync(new GetStatisticsRequest { CommuneInseeCode = Commune, From = From, To = To },
            cancellationToken: HttpContext.RequestAborted);
        Chart = DeskMonthChart.From(Report);
    }

    private DateOnly? Day(string? typed, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (FrenchFormat.TryParseTypedDay(typed, out var day)) return day;
        ModelState.AddModelError(field, $"« {label} » doit être une date, par exemple 04/12/2026 (ici « {typed.Trim()} »).");
        return null;
    }
}
