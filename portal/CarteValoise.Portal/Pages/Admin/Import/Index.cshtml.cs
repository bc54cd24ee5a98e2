using CarteValoise.Portal.Imports;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MealCounts = CarteValoise.Contracts.Families;

namespace CarteValoise.Portal.Pages.Admin.Import;

/// <summary>
/// Sends the families file exported by the software the commune used before. The file is copied
/// to a temporary file that deletes itself once read, and read in the background: the agent is
/// taken to the job's page, which shows the progress, then the preview.
/// </summary>
[UploadTooLarge]
[RequestSizeLimit(FamilyImports.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FamilyImports.MaxUploadRequestBytes)]
public sealed class IndexModel(FamilyImports imports, MealCounts.Canteen.CanteenClient canteen, TimeProvider time) : PageModel
{
    public const string FileField = "fichier";
    public static readonly string[] Extensions = [".csv", ".txt"];

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Refused { get; set; }

    [BindProperty(Name = FileField)]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public IReadOnlyList<MealCounts.SchoolMealCount> Schools { get; private set; } = [];

    public string CommuneLabel => MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        if (Refused == UploadTooLargeAttribute.Flag)
            ModelState.AddModelError(FileField, TooLarge);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Commune is null) return Page();
        var file = Upload;
        if (file is null || file.FileName.Length == 0)
            ModelState.AddModelError(FileField, "Choisissez le fichier des familles à importer (.csv ou .txt).");
        else if (!Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
            ModelState.AddModelError(FileField, $"« {Path.GetFileName(file.FileName)} » n'est pas un fichier CSV : enregistrez le tableau au format CSV (.csv ou .txt), puis envoyez-le.");
        else if (file.Length == 0)
            ModelState.AddModelError(FileField, $"Le fichier « {Path.GetFileName(file.FileName)} » est vide.");
        else if (file.Length > FamilyImports.MaxFileBytes)
            ModelState.AddModelError(FileField, TooLarge);
        if (!ModelState.IsValid) return Page();

        var copy = await CopyAsync(file!);
        var job = imports.StartPreview(User.SessionToken() ?? "", Commune, Path.GetFileName(file!.FileName), copy, out var refusal);
        if (job is null)
        {
            ModelState.AddModelError(FileField, refusal ?? "L'import n'a pas pu commencer : réessayez dans un instant.");
            return Page();
        }
        return RedirectToPage("/Admin/Import/Suivi", new { job = job.Id });
    }

    private static readonly string TooLarge =
        $"Le fichier dépasse {FamilyImports.MaxFileBytes / (1024 * 1024)} Mo : découpez-le en plusieurs fichiers (par école, par exemple), puis envoyez-les l'un après l'autre.";

    /// <summary>The upload, copied to a temporary file that deletes itself when the job closes it.</summary>
    private async Task<Stream> CopyAsync(IFormFile file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cartevaloise-import-{Guid.NewGuid():N}.csv");
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await file.CopyToAsync(copy, HttpContext.RequestAborted);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    private async Task LoadAsync()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null) return;
        // The schools as the file must name them; asking for them is also where the cloud refuses a commune that is not the agent's.
        var counts = await canteen.GetDailyMealCountsAsync(
            new MealCounts.DailyMealCountsRequest { CommuneInseeCode = Commune, Date = FrenchFormat.WireDay(FrenchFormat.TodayInParis(time)) },
            cancellationToken: HttpContext.RequestAborted);
        Schools = [.. counts.Schools];
    }
}
