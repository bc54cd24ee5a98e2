using CarteValoise.Contracts.Demarches;
using CarteValoise.Kiosk.Demarches;
using CarteValoise.Portal.Demarches;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Kiosk.Pages.Demarches;

/// <summary>
/// One démarche on one screen: every page of its form (drawn by the portal's partials, without the
/// document and child fields a kiosk cannot answer), who files it, and «Envoyer». The cloud checks
/// everything at once; its problems come back next to their fields and nothing is filed.
/// </summary>
public sealed class FormulaireModel(DemarchesService.DemarchesClient demarches, IOptions<KioskOptions> kiosk) : PageModel
{
    public const string NameId = "borne-nom";
    public const string EmailId = "borne-courriel";

    [BindProperty]
    public string? CitizenName { get; set; }

    [BindProperty]
    public string? CitizenEmail { get; set; }

    /// <summary>Made when the form is first drawn: sending it twice (a double touch, a retry) files one request.</summary>
    [BindProperty]
    public string? OperationId { get; set; }

    public FormDefinition Definition { get; private set; } = null!;

    public string CommuneName { get; private set; } = "";

    public FormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        KioskPage.LeftAloneAsks(Response, kiosk.Value);
        if (!await LoadAsync(id)) return RedirectToPage("/Demarches/Index");
        OperationId = Guid.NewGuid().ToString("N");
        Form = new FormView { Answers = new Dictionary<string, string>(), Errors = ModelState };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        KioskPage.LeftAloneAsks(Response, kiosk.Value);
        if (!await LoadAsync(id)) return RedirectToPage("/Demarches/Index");
        var posted = PostedAnswers.Read(Request.Form, PostedAnswers.FieldsOf(Definition.Pages));
        Form = new FormView { Answers = posted.Answers, Errors = ModelState, GroupItems = posted.GroupItems };
        if (posted.Edited) return Page();
        if (string.IsNullOrWhiteSpace(OperationId)) OperationId = Guid.NewGuid().ToString("N");

        var request = new FileAtKioskRequest
        {
            DemarcheId = Definition.DemarcheId,
            CitizenName = CitizenName ?? "",
            CitizenEmail = CitizenEmail ?? "",
            OperationId = OperationId,
        };
        request.Answers.Add(posted.Answers);
        try
        {
            var filed = await demarches.FileAtKioskAsync(request, cancellationToken: HttpContext.RequestAborted);
            return RedirectToPage("/Demarches/Enregistree", new { reference = filed.Line.Reference });
        }
        catch (RpcException refusal) when (DeskProblems.IsSaidOnThePage(refusal))
        {
            DeskProblems.AddTo(ModelState, refusal, "La demande n'a pas pu être enregistrée.", field => field switch
            {
                "citizen_name" => NameId,
                "citizen_email" => EmailId,
                "demarche" => "",
                _ => field,
            });
            return Page();
        }
    }

    /// <summary>The démarche's current form, as the kiosk draws it; false when it cannot be filed here.</summary>
    private async Task<bool> LoadAsync(string id)
    {
        var form = await demarches.GetFormAsync(new GetFormRequest { DemarcheId = id ?? "" }, cancellationToken: HttpContext.RequestAborted);
        if (!KioskForms.CanBeFiled(form.Definition)) return false;
        Definition = KioskForms.Drawn(form.Definition);
        CommuneName = form.CommuneName;
        return true;
    }
}
