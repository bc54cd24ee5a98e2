using System.Text;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Portal.DocumentSafe;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Demarches.Catalogue;

/// <summary>
/// The démarches of a commune: each with its version and last edit, offered to the citizens or not
/// («Proposée», turned on and off with a button), its definition to read, edit and export; and the
/// import of a definition file (from another commune, or edited elsewhere), which the cloud checks
/// whole and saves as a new version only when it holds. The file is sent to the cloud as it is: the
/// portal never reads a definition.
/// </summary>
public sealed class IndexModel(DemarcheCatalogue.DemarcheCatalogueClient catalogue) : PageModel
{
    public const string FileField = "fichier";
    public const string DemarcheField = "demarche";
    public const string EnabledField = "proposee";

    /// <summary>The largest definition file taken: far above any form a commune writes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DefinitionList? Definitions { get; private set; }

    /// <summary>What the last action did, said once.</summary>
    public string? Done { get; private set; }

    public string CommuneLabel => Definitions?.CommuneName is { Length: > 0 } name
        ? name
        : MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        if (Start()) await LoadAsync();
    }

    public async Task OnPostEnableAsync()
    {
        if (!Start()) return;
        var enabled = Request.Form[EnabledField] == "oui";
        var summary = await catalogue.SetDemarcheEnabledAsync(new SetDemarcheEnabledRequest
        {
            CommuneInseeCode = Commune,
            DemarcheId = Request.Form[DemarcheField].ToString(),
            Enabled = enabled,
        }, cancellationToken: HttpContext.RequestAborted);
        Done = summary.Enabled
            ? $"« {summary.Title} » est proposée aux habitants."
            : $"« {summary.Title} » n'est plus proposée aux habitants : les demandes déjà déposées suivent leur cours.";
        await LoadAsync();
    }

    public async Task OnPostImportAsync(IFormFile? fichier)
    {
        if (!Start()) return;
        if (await ReadAsync(fichier) is { } json)
        {
            try
            {
                var saved = await catalogue.SaveDefinitionAsync(new SaveDefinitionRequest { CommuneInseeCode = Commune, Json = json },
                    cancellationToken: HttpContext.RequestAborted);
                var summary = saved.Summary ?? new DefinitionSummary();
                Done = $"Le fichier « {fichier!.FileName} » est importé : « {summary.Title} » est en version {saved.Version}.";
            }
            catch (RpcException refusal) when (DeskProblems.IsSaidOnThePage(refusal))
            {
                DeskProblems.AddTo(ModelState, refusal, "Le fichier n'a pas été importé.", _ => FileField);
            }
        }
        await LoadAsync();
    }

    /// <summary>The file's text, or null with the reason next to the file field.</summary>
    private async Task<string?> ReadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileField, "Choisissez un fichier de définition (.json) à importer.");
            return null;
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError(FileField, $"Le fichier « {file.FileName} » est trop volumineux ({FrenchSize.Of(file.Length)}) : un fichier de définition fait au plus 1 Mo.");
            return null;
        }
        if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(FileField, $"Le fichier « {file.FileName} » n'est pas un fichier de définition : choisissez un fichier .json, exporté d'une démarche.");
            return null;
        }
        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            return await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(FileField, $"Le fichier « {file.FileName} » n'est pas un texte JSON (UTF-8) : choisissez un fichier .json, exporté d'une démarche.");
            return null;
        }
    }

    private async Task LoadAsync() =>
        Definitions = await catalogue.ListDefinitionsAsync(new ListDefinitionsRequest { CommuneInseeCode = Commune }, cancellationToken: HttpContext.RequestAborted);

    /// <summary>False when the agent has no commune at all.</summary>
    private bool Start()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        return Commune is not null;
    }
}
