using CarteValoise.Kiosk.Demarches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CarteValoise.Kiosk.Pages.Demarches;

/// <summary>The acknowledgement on screen: the reference to follow the request by; nothing to print.</summary>
public sealed class EnregistreeModel(IOptions<KioskOptions> kiosk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Reference)) return RedirectToPage("/Demarches/Index");
        KioskPage.LeftAloneAsks(Response, kiosk.Value);
        return Page();
    }
}
