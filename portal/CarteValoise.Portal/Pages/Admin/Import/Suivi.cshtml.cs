using CarteValoise.Portal.Imports;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Import;

/// <summary>
/// One import as it runs: a progress bar while the file is read or the families enrolled, the page
/// reloading itself every second (the HTTP Refresh header: no JavaScript needed), then the preview
/// with its errors and warnings, and the button that enrols the families when nothing stops it.
/// </summary>
public sealed class SuiviModel(FamilyImports imports) : PageModel
{
    public const int RefreshSeconds = 1;

    [BindProperty(SupportsGet = true, Name = "job")]
    public string JobId { get; set; } = "";

    public FamilyImportJob Job { get; private set; } = null!;

    public ImportSnapshot Snapshot { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (Find() is not { } job) return NotFound();
        Job = job;
        Snapshot = job.Snapshot;
        if (Snapshot.IsRunning)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.Headers.CacheControl = "no-store";
        }
        return Page();
    }

    public IActionResult OnPostApply()
    {
        if (Find() is not { } job) return NotFound();
        if (imports.StartApply(job, User.SessionToken() ?? "") is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            Job = job;
            Snapshot = job.Snapshot;
            return Page();
        }
        return RedirectToPage("/Admin/Import/Suivi", new { job = job.Id });
    }

    private FamilyImportJob? Find() => imports.Find(JobId, User.SessionToken() ?? "");
}
