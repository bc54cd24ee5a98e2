using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Pages.Demarches.Formulaire;

/// <summary>
/// /Demarches/Formulaire/Verifier?brouillon=…: every answer of the draft, page by page, each page with
/// its «Modifier» link, and «Envoyer ma demande». The send carries an operation id drawn when this page
/// is shown, so a double click files once. The cloud checks every shown page again: a page never saved,
/// a required field left empty, is said here with a link to its page, and nothing is filed.
/// </summary>
public sealed class VerifierModel(DemarchesService.DemarchesClient demarches) : PageModel
{
    public const string OperationField = "operation";

    [BindProperty(SupportsGet = true, Name = "brouillon")]
    public string? DraftId { get; set; }

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "demarche")]
    public string? Demarche { get; set; }

    public Form Form { get; private set; } = new();

    public IReadOnlyList<FormPage> Shown { get; private set; } = [];

    public FormView View { get; private set; } = null!;

    public string OperationId { get; private set; } = Guid.NewGuid().ToString("N");

    /// <summary>Why the draft cannot be shown (sent already, or deleted), in the cloud's words.</summary>
    public string? Gone { get; private set; }

    public static string Link(string draftId, string commune, string demarche) =>
        $"/Demarches/Formulaire/Verifier?brouillon={Uri.EscapeDataString(draftId)}&commune={Uri.EscapeDataString(commune)}&demarche={Uri.EscapeDataString(demarche)}";

    public string PageLink(string pageId) =>
        $"/Demarches/Formulaire?commune={Uri.EscapeDataString(Form.CommuneInseeCode)}&demarche={Uri.EscapeDataString(Form.Definition.DemarcheId)}"
        + $"&brouillon={Uri.EscapeDataString(Form.DraftId)}&page={Uri.EscapeDataString(pageId)}";

    public bool Completed(FormPage page) => Form.CompletedPages.Contains(page.PageId);

    public async Task<IActionResult> OnGetAsync()
    {
        if ((DraftId ?? "").Trim().Length == 0) return RedirectToPage("/Demarches/Index");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if ((DraftId ?? "").Trim().Length == 0) return RedirectToPage("/Demarches/Index");
        var operation = Request.Form[OperationField].ToString();
        try
        {
            var filed = await demarches.SubmitDraftAsync(
                new SubmitDraftRequest { DraftId = (DraftId ?? "").Trim(), OperationId = operation.Length > 0 ? operation : OperationId },
                cancellationToken: HttpContext.RequestAborted);
            return Redirect($"/Demarches/Suivi/{Uri.EscapeDataString(filed.Line.Reference)}?envoyee=1");
        }
        catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
        {
            // Nothing was filed: a new operation id for the next try.
            DossierProblems.AddTo(ModelState, refusal, "Votre demande n'a pas été envoyée.");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        try
        {
            Form = await demarches.GetFormAsync(
                new GetFormRequest { DraftId = (DraftId ?? "").Trim(), CommuneInseeCode = (Commune ?? "").Trim(), DemarcheId = (Demarche ?? "").Trim() },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            // Sent already (a page kept open, the back button) or deleted: said, with the way to the requests.
            Gone = refusal.Status.Detail;
            return;
        }
        Shown = DemarcheConditions.ShownPages(Form.Definition, Form.Answers);
        View = new FormView { Answers = Form.Answers, Errors = ModelState, Children = Form.Children, Documents = Form.Documents };
    }
}
