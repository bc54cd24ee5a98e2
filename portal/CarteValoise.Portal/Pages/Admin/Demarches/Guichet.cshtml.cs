using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Pages.Admin.Demarches;

/// <summary>
/// A request brought on paper, entered by an agent for the citizen: the démarche chosen among those
/// the commune offers, then every page of its form at once (drawn by the shared field partials, a
/// document field being the paper seen at the counter), the citizen's name and e-mail, and
/// «Enregistrer la demande». The cloud checks it as an online submission: each problem is shown at
/// its field and nothing is filed; a form sent twice files once (its operation id).
/// </summary>
public sealed class GuichetModel(
    DemarcheDesk.DemarcheDeskClient desk,
    DemarcheCatalogue.DemarcheCatalogueClient catalogue,
    DemarchesService.DemarchesClient demarches) : PageModel
{
    public const string NameField = "demandeur-nom";
    public const string EmailField = "demandeur-courriel";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "demarche")]
    public string? Demarche { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    /// <summary>The démarches the commune offers now, to choose from.</summary>
    public IReadOnlyList<DefinitionSummary> Offered { get; private set; } = [];

    public string CommuneLabel { get; private set; } = "";

    /// <summary>The chosen démarche's form; null until one is chosen.</summary>
    public Form? Form { get; private set; }

    public FormView? View { get; private set; }

    public string CitizenName { get; private set; } = "";

    public string CitizenEmail { get; private set; } = "";

    /// <summary>Made when the form is drawn, kept when it is drawn again after a refusal: a form sent twice files once.</summary>
    public string OperationId { get; private set; } = DeskOperation.New();

    public async Task OnGetAsync()
    {
        if (!await StartAsync()) return;
        if (Form is not null) View = ViewOf(Form.Answers, new Dictionary<string, int>());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await StartAsync() || Form is null) return Page();
        OperationId = DeskOperation.Of(Request);
        CitizenName = Request.Form[NameField].ToString().Trim();
        CitizenEmail = Request.Form[EmailField].ToString().Trim();
        var posted = PostedAnswers.Read(Request.Form, PostedAnswers.FieldsOf(Form.Definition.Pages));
        View = ViewOf(posted.Answers, posted.GroupItems);
        if (posted.Edited) return Page();
        var request = new FileAtCounterRequest
        {
            CommuneInseeCode = Commune,
            DemarcheId = Form.Definition.DemarcheId,
            CitizenName = CitizenName,
            CitizenEmail = CitizenEmail,
            OperationId = OperationId,
        };
        // Only what was answered: an empty answer is no answer, and the cloud says which are required.
        request.Answers.Add(posted.Answers.Where(a => a.Value.Length > 0).ToDictionary());
        try
        {
            var filed = await desk.FileAtCounterAsync(request, cancellationToken: HttpContext.RequestAborted);
            return Redirect($"/Admin/Demarches/Demande/{Uri.EscapeDataString(filed.Line.Reference)}?{DemandeModel.FiledFlag}=guichet");
        }
        catch (RpcException refusal) when (DeskProblems.IsSaidOnThePage(refusal))
        {
            DeskProblems.AddTo(ModelState, refusal, "La demande n'a pas été enregistrée.", CitizenFieldOnPage);
            // Nothing was filed: the next attempt is another operation.
            OperationId = DeskOperation.New();
        }
        return Page();
    }

    /// <summary>The cloud's names of the citizen's fields, as this page names them; answer keys as they are.</summary>
    private static string CitizenFieldOnPage(string field) => field switch
    {
        "citizen_name" or "nom-demandeur" or "demandeur" => NameField,
        "citizen_email" or "courriel-demandeur" or "courriel" => EmailField,
        _ => field,
    };

    private FormView ViewOf(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, int> groupItems) => new()
    {
        Answers = answers,
        Errors = ModelState,
        AtCounter = true,
        GroupItems = groupItems,
    };

    /// <summary>False when the agent has no commune; the form when a démarche offered is chosen.</summary>
    private async Task<bool> StartAsync()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null) return false;
        var list = await catalogue.ListDefinitionsAsync(new ListDefinitionsRequest { CommuneInseeCode = Commune }, cancellationToken: HttpContext.RequestAborted);
        CommuneLabel = list.CommuneName.Length > 0 ? list.CommuneName : Commune;
        Offered = [.. list.Definitions.Where(d => d.Enabled).OrderBy(d => d.Title, StringComparer.Create(Web.Formatting.FrenchFormat.French, true))];
        Demarche = Demarche?.Trim();
        if (string.IsNullOrEmpty(Demarche)) return true;
        if (Offered.All(d => d.DemarcheId != Demarche))
        {
            ModelState.AddModelError("demarche", "Cette démarche n'est pas proposée par la commune : choisissez-en une dans la liste.");
            return true;
        }
        Form = await demarches.GetFormAsync(new GetFormRequest { CommuneInseeCode = Commune, DemarcheId = Demarche }, cancellationToken: HttpContext.RequestAborted);
        return true;
    }
}
