using CarteValoise.Contracts.Enrolment;
using CarteValoise.Web.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>A child's card taps of the last 30 days, most recent first, as the boxes reported them.</summary>
public sealed class PassagesModel(Enrolment.EnrolmentClient enrolment, TimeProvider time) : PageModel
{
    public const int Days = 30;

    [BindProperty(SupportsGet = true, Name = "id")]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "childId")]
    public string ChildId { get; set; } = "";

    public ChildTaps Taps { get; private set; } = new();

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public IReadOnlyList<CarteValoise.Contracts.Families.CardTapSeen> Recent =>
        [.. Taps.Taps.OrderByDescending(t => t.ReadAt?.ToDateTimeOffset())];

    public async Task OnGetAsync()
    {
        To = FrenchFormat.TodayInParis(time);
        From = To.AddDays(-(Days - 1));
        Taps = await enrolment.GetChildTapsAsync(
            new GetChildTapsRequest { ChildId = ChildId, From = FrenchFormat.WireDay(From), To = FrenchFormat.WireDay(To) },
            cancellationToken: HttpContext.RequestAborted);
    }
}
