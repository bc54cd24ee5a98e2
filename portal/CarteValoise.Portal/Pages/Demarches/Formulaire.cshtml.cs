using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Pages.Demarches;

/// <summary>
/// /Demarches/Formulaire?commune=…&amp;demarche=…&amp;brouillon=…&amp;page=…: one page of a démarche's form at a
/// time, saved in a draft page by page. The cloud checks the page (required fields, rules,
/// conditions) and saves it only when it all holds; each of its problems is shown at its field and
/// nothing of the page is saved. The last page leads to the review (/Demarches/Formulaire/Verifier).
/// </summary>
public sealed class FormulaireModel(DemarchesService.DemarchesClient demarches) : PageModel
{
    public const string ActionButton = "action";
    public const string Continue = "continuer";
    public const string SaveAndQuit = "quitter";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "demarche")]
    public string? Demarche { get; set; }

    [BindProperty(SupportsGet = true, Name = "brouillon")]
    public string? DraftId { get; set; }

    /// <summary>The page asked for (?page=, or the page posted). Read by hand: «page» is also Razor Pages' own route value, which binding would give first.</summary>
    public string PageId => (Request.HasFormContentType ? Request.Form["page"].ToString() : "") is { Length: > 0 } posted ? posted : Request.Query["page"].ToString();

    public Form Form { get; private set; } = new();

    /// <summary>The pages shown with the answers as they stand, in order.</summary>
    public IReadOnlyList<FormPage> Shown { get; private set; } = [];

    public FormPage Current { get; private set; } = new();

    public FormView View { get; private set; } = null!;

    /// <summary>Why the draft cannot be shown (sent already, or deleted), in the cloud's words.</summary>
    public string? Gone { get; private set; }

    /// <summary>«Enregistrer et quitter» was refused for the page's errors: the page says nothing was saved.</summary>
    public bool QuitRefused { get; private set; }

    public int Step => Shown.ToList().FindIndex(page => page.PageId == Current.PageId) + 1;

    public FormPage? Previous => Step > 1 ? Shown[Step - 2] : null;

    public string PageLink(string pageId) =>
        $"/Demarches/Formulaire?commune={Uri.EscapeDataString(Form.CommuneInseeCode)}&demarche={Uri.EscapeDataString(Form.Definition.DemarcheId)}"
        + $"&brouillon={Uri.EscapeDataString(Form.DraftId)}&page={Uri.EscapeDataString(pageId)}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        Show(Form.Answers, new Dictionary<string, int>());
        return Current.PageId.Length == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        Current = Form.Definition.Pages.FirstOrDefault(page => page.PageId == PageId) ?? new FormPage();
        if (Current.PageId.Length == 0) return NotFound();
        var posted = PostedAnswers.Read(Request.Form, Current.Fields);
        var answers = new Dictionary<string, string>(Form.Answers);
        foreach (var (key, value) in posted.Answers) answers[key] = value;
        if (!posted.Edited)
        {
            var request = new SaveDraftPageRequest { DraftId = Form.DraftId, CommuneInseeCode = Form.CommuneInseeCode, DemarcheId = Form.Definition.DemarcheId, PageId = Current.PageId };
            request.Answers.Add(posted.Answers);
            try
            {
                var saved = await demarches.SaveDraftPageAsync(request, cancellationToken: HttpContext.RequestAborted);
                if (Request.Form[ActionButton] == SaveAndQuit) return Redirect($"/Demarches?enregistre={Uri.EscapeDataString(saved.DraftId)}");
                Form = saved.Form.DraftId.Length > 0 ? saved.Form : Form;
                if (saved.NextPageId.Length > 0)
                {
                    Form.DraftId = saved.DraftId;
                    return Redirect(PageLink(saved.NextPageId));
                }
                return Redirect(Formulaire.VerifierModel.Link(saved.DraftId, Form.CommuneInseeCode, Form.Definition.DemarcheId));
            }
            catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
            {
                DossierProblems.AddTo(ModelState, refusal, "Cette page n'a pas été enregistrée.");
                QuitRefused = Request.Form[ActionButton] == SaveAndQuit;
            }
        }
        Show(answers, posted.GroupItems, Current);
        return Page();
    }

    /// <summary>False when the draft is gone (sent already, or deleted): the page says so.</summary>
    private async Task<bool> LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        try
        {
            Form = await demarches.GetFormAsync(
                new GetFormRequest { CommuneInseeCode = (Commune ?? "").Trim(), DemarcheId = (Demarche ?? "").Trim(), DraftId = (DraftId ?? "").Trim() },
                cancellationToken: cancel);
        }
        catch (RpcException refusal) when (refusal.StatusCode == Grpc.Core.StatusCode.FailedPrecondition && (DraftId ?? "").Trim().Length > 0)
        {
            Gone = refusal.Status.Detail;
            return false;
        }
        return true;
    }

    /// <param name="current">The page posted; else the page asked for when it is shown, or the first.</param>
    private void Show(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, int> groupItems, FormPage? current = null)
    {
        Shown = DemarcheConditions.ShownPages(Form.Definition, answers);
        Current = current ?? Shown.FirstOrDefault(page => page.PageId == PageId) ?? Shown.FirstOrDefault() ?? new FormPage();
        // A page posted whose own condition no longer holds is still the page on screen.
        if (!Shown.Contains(Current) && Current.PageId.Length > 0)
            Shown = [.. Form.Definition.Pages.Where(page => Shown.Contains(page) || page == Current)];
        View = new FormView
        {
            Answers = answers,
            Errors = ModelState,
            Children = Form.Children,
            Documents = Form.Documents,
            GroupItems = groupItems,
        };
    }
}
