using CarteValoise.Contracts.Families;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin;

/// <summary>
/// The agents' view of one of their communes on one day: meals per school and the reader boxes.
/// The commune asked for is passed to the cloud as is: the cloud, not this page, decides whether
/// the agent may see it.
/// </summary>
public sealed class IndexModel(Canteen.CanteenClient canteen, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public DailyMealCounts? Meals { get; private set; }

    public BoxList? Boxes { get; private set; }

    public int TotalMeals => Meals?.Schools.Sum(school => school.Meals) ?? 0;

    public string CommuneLabel =>
        Meals is { CommuneName.Length: > 0 } ? Meals.CommuneName
        : MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        MyCommunes = User.Communes();
        Day = FrenchFormat.TodayInParis(time);
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (FrenchFormat.TryParseTypedDay(Date, out var day))
            {
                Day = day;
            }
            else
            {
                ModelState.AddModelError("date", "La date demandée n'est pas valide : choisissez un jour, par exemple 04/12/2026. Voici la journée d'aujourd'hui.");
            }
        }

        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null)
        {
            return;
        }

        var cancel = HttpContext.RequestAborted;
        Meals = await canteen.GetDailyMealCountsAsync(
            new DailyMealCountsRequest { CommuneInseeCode = Commune, Date = FrenchFormat.WireDay(Day) },
            cancellationToken: cancel);
        Boxes = await canteen.ListBoxesAsync(new ListBoxesRequest { CommuneInseeCode = Commune }, cancellationToken: cancel);
        if (FrenchFormat.TryParseWireDay(Meals.Date, out var answered))
        {
            Day = answered;
        }
    }
}
