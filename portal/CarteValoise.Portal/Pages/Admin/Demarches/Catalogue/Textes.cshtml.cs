using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Demarches.Catalogue;

/// <summary>
/// A démarche's texts (titles, labels, helps, messages, templates, the announced delay) changed
/// through a form rather than its JSON file. The cloud lists them and says which part each belongs
/// to: the portal never reads a definition. Saving makes the next version when something changed;
/// a refusal is said next to its text while the form keeps what was typed.
/// </summary>
public sealed class TextesModel(DemarcheCatalogue.DemarcheCatalogueClient catalogue) : PageModel
{
    public const string VersionField = "version-lue";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string Id { get; set; } = "";

    public DefinitionTexts Texts { get; private set; } = new();

    /// <summary>The version the form was read on: sent back, so that a version saved meanwhile is not undone.</summary>
    public int BasedOn { get; private set; }

    /// <summary>What each text holds on the page: the version's, or what the agent typed when the cloud refused it.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public string? Done { get; private set; }

    /// <summary>The title of the version in force, for the heading.</summary>
    public string Title => Texts.Texts.FirstOrDefault(t => t.Key == "titre")?.Value ?? Texts.DemarcheId;

    /// <summary>The id of a text's control on the page: keys hold characters an id should not (an option's value).</summary>
    public string IdOf(string key) => $"texte-{Texts.Texts.Select(t => t.Key).ToList().IndexOf(key)}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Start() || !await FoundAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Start() || !await FoundAsync()) return NotFound();
        BasedOn = int.TryParse(Request.Form[VersionField], out var read) ? read : 0;
        var request = new SaveDefinitionTextsRequest { CommuneInseeCode = Commune, DemarcheId = Id, BasedOnVersion = BasedOn };
        foreach (var text in Texts.Texts.Where(t => Request.Form.ContainsKey(t.Key)))
            request.Texts[text.Key] = Request.Form[text.Key].ToString();
        var before = Texts.Version;
        DefinitionFile saved;
        try
        {
            saved = await catalogue.SaveDefinitionTextsAsync(request, cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (DeskProblems.IsSaidOnThePage(refusal))
        {
            Values = Texts.Texts.ToDictionary(t => t.Key, t => request.Texts.TryGetValue(t.Key, out var typed) ? typed : t.Value);
            var known = Texts.Texts.Select(t => t.Key).ToHashSet();
            // A problem of the whole definition (a template naming a field that does not exist…) goes at the top.
            DeskProblems.AddTo(ModelState, refusal, "Les textes n'ont pas été enregistrés.", field => known.Contains(field) ? IdOf(field) : "");
            return Page();
        }
        await FoundAsync();
        Done = saved.Version == before
            ? $"Rien n'a changé : la version {saved.Version} reste en vigueur."
            : $"Version {saved.Version} enregistrée.";
        return Page();
    }

    /// <summary>False for a démarche the commune does not have: «Page introuvable».</summary>
    private async Task<bool> FoundAsync()
    {
        try
        {
            Texts = await catalogue.GetDefinitionTextsAsync(new GetDefinitionRequest { CommuneInseeCode = Commune, DemarcheId = Id },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            return false;
        }
        BasedOn = Texts.Version;
        Values = Texts.Texts.ToDictionary(t => t.Key, t => t.Value);
        return true;
    }

    /// <summary>False when the agent has no commune, or no démarche is named.</summary>
    private bool Start()
    {
        Commune = string.IsNullOrWhiteSpace(Commune) ? User.Communes().FirstOrDefault()?.InseeCode : Commune.Trim();
        Id = Id.Trim();
        return Commune is not null && Id.Length > 0;
    }
}
