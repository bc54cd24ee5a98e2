using System.Text;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Demarches.Catalogue;

/// <summary>
/// One démarche's definition as its JSON file: the current version to edit («Enregistrer une
/// nouvelle version»: the cloud checks it whole, and what does not hold is listed in French while
/// the text stays as typed, nothing saved), an older version to read, each version to export as
/// «{id}-v{n}.json», and the history of versions. The portal sends the text as it is: it never
/// reads a definition.
/// </summary>
public sealed class DefinitionModel(DemarcheCatalogue.DemarcheCatalogueClient catalogue) : PageModel
{
    public const string JsonField = "definition";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string Id { get; set; } = "";

    /// <summary>0: the current version.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public int Version { get; set; }

    public DefinitionFile Definition { get; private set; } = new();

    public DefinitionSummary Summary => Definition.Summary ?? new DefinitionSummary();

    /// <summary>The text in the editor: the version's file, or what the agent typed when the cloud refused it.</summary>
    public string Json { get; private set; } = "";

    /// <summary>An older version: read, never edited.</summary>
    public bool ReadOnly => Definition.Version != Summary.Version;

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Start() || !await FoundAsync(Version)) return NotFound();
        Json = Definition.Json;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!Start() || !await FoundAsync(Version)) return NotFound();
        return DeskFile.Of(this, new UTF8Encoding(false).GetBytes(Definition.Json), "application/json", $"{Summary.DemarcheId}-v{Definition.Version}.json");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Start()) return NotFound();
        Json = Request.Form[JsonField].ToString();
        await LoadAsync(0);
        var before = Summary.Version;
        try
        {
            Definition = await catalogue.SaveDefinitionAsync(new SaveDefinitionRequest { CommuneInseeCode = Commune, Json = Json },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (DeskProblems.IsSaidOnThePage(refusal))
        {
            DeskProblems.AddTo(ModelState, refusal, "La définition n'a pas été enregistrée.", _ => JsonField);
            return Page();
        }
        if (Summary.DemarcheId != Id)
        {
            // The file named another démarche: it was saved as that one, whose page this now is.
            return Redirect($"/Admin/Demarches/Catalogue/Definition?commune={Uri.EscapeDataString(Commune!)}&id={Uri.EscapeDataString(Summary.DemarcheId)}");
        }
        Json = Definition.Json;
        Version = 0;
        Done = Definition.Version == before
            ? $"Rien n'a changé : la version {Definition.Version} reste en vigueur."
            : $"La version {Definition.Version} est enregistrée : les nouvelles demandes la suivent, celles déjà déposées gardent la leur.";
        return Page();
    }

    /// <summary>False for a démarche, or a version, the commune does not have: «Page introuvable».</summary>
    private async Task<bool> FoundAsync(int version)
    {
        try
        {
            await LoadAsync(version);
            return true;
        }
        catch (RpcException refusal) when (refusal.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            return false;
        }
    }

    private async Task LoadAsync(int version) =>
        Definition = await catalogue.GetDefinitionAsync(new GetDefinitionRequest { CommuneInseeCode = Commune, DemarcheId = Id, Version = version },
            cancellationToken: HttpContext.RequestAborted);

    /// <summary>False when the agent has no commune, or no démarche is named.</summary>
    private bool Start()
    {
        var communes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? communes.FirstOrDefault()?.InseeCode : Commune.Trim();
        Id = Id.Trim();
        return Commune is not null && Id.Length > 0;
    }
}
