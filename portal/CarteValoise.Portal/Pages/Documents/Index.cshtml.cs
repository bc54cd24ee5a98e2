using CarteValoise.Contracts.Documents;
using CarteValoise.Portal.DocumentSafe;
using CarteValoise.Web.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Documents;

/// <summary>
/// /Documents: the citizen's safe — the documents grouped by where they stand today (valid, expiring,
/// expired), the space used, and the form that adds one. The cloud checks every upload (type, date,
/// name, size, content, quota) and each of its problems is shown at its field; nothing is stored then.
/// </summary>
[SafeUploadTooLarge]
public sealed class IndexModel(Contracts.Documents.Documents.DocumentsClient documents, SafeTransfers transfers, SafeUploadLimit limit) : PageModel
{
    public const string TypeField = "type";
    public const string DateField = "date";
    public const string FileField = "fichier";

    /// <summary>What the file input takes: the formats the cloud accepts.</summary>
    public const string Accepted = "application/pdf,image/jpeg,image/png";

    [BindProperty(Name = TypeField, SupportsGet = true)]
    public string? TypeCode { get; set; }

    [BindProperty(Name = DateField)]
    public string? Date { get; set; }

    [BindProperty(Name = FileField)]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true, Name = "erreur")]
    public string? Refusal { get; set; }

    [BindProperty(SupportsGet = true, Name = "ajoute")]
    public string? AddedId { get; set; }

    [BindProperty(SupportsGet = true, Name = "supprime")]
    public bool Deleted { get; set; }

    public IReadOnlyList<DocumentType> Types { get; private set; } = [];

    public IReadOnlyList<SafeDocument> All { get; private set; } = [];

    public long UsedBytes { get; private set; }

    public long QuotaBytes { get; private set; }

    public SafeUploadLimit Limit => limit;

    /// <summary>The type the form is for, when one is chosen: its date field is labelled for it.</summary>
    public DocumentType? Chosen => Types.FirstOrDefault(t => t.Code == TypeCode);

    public SafeDocument? Added => All.FirstOrDefault(d => d.DocumentId == AddedId);

    public IEnumerable<SafeDocument> With(DocumentStatus status) => All.Where(d => d.Status == status);

    public async Task OnGetAsync()
    {
        if (Refusal == SafeUploadTooLargeAttribute.Flag) ModelState.AddModelError(FileField, limit.TooLarge);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // What the portal alone can tell: no file was chosen. Everything else, the cloud says.
        if (Upload is null || Upload.FileName.Length == 0)
        {
            if (string.IsNullOrWhiteSpace(TypeCode)) ModelState.AddModelError(TypeField, "Choisissez le type de document.");
            ModelState.AddModelError(FileField, "Choisissez le fichier à ajouter : un PDF, ou une photo JPEG ou PNG.");
            await LoadAsync();
            return Page();
        }

        var date = FrenchFormat.TryParseTypedDay(Date, out var day) ? FrenchFormat.WireDay(day) : Date?.Trim() ?? "";
        var outcome = await transfers.UploadAsync(TypeCode?.Trim() ?? "", date, Upload, HttpContext.RequestAborted);
        if (outcome.Added is { } added) return RedirectToPage("/Documents/Index", null, new { ajoute = added.DocumentId }, $"document-{added.DocumentId}");

        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(problem.Field switch { UploadField.Type => TypeField, UploadField.Date => DateField, _ => FileField }, problem.Message);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        var types = documents.ListDocumentTypesAsync(new ListDocumentTypesRequest(), cancellationToken: cancellation);
        var list = await documents.ListDocumentsAsync(new ListDocumentsRequest(), cancellationToken: cancellation);
        Types = [.. (await types).Types_];
        All = [.. list.Documents];
        UsedBytes = list.UsedBytes;
        QuotaBytes = list.QuotaBytes;
    }
}
