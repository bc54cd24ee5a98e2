using CarteValoise.Contracts.Enrolment;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>
/// The families of one of the agent's communes: a search, the table, and the form that enrols a new
/// family. The commune asked for goes to the cloud as it is: the cloud decides whether the agent may
/// see it (a refusal is the «Accès refusé» page).
/// </summary>
public sealed class IndexModel(Enrolment.EnrolmentClient enrolment, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>What the access log says when the agent gives no other reason.</summary>
    public const string DefaultReason = "Consultation par l'agent";
    public const int ShownAtMost = 200;

    public const string NameField = "nom";
    public const string AddressField = "adresse";
    public const string PostalCodeField = "code-postal";
    public const string CityField = "ville";
    public const string PhoneField = "telephone";
    public const string EmailField = "courriel";
    public const string OutsideField = "hors-commune";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "recherche")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "motif")]
    public string? Reason { get; set; }

    [BindProperty(Name = NameField)] public string? Name { get; set; }
    [BindProperty(Name = AddressField)] public string? Address { get; set; }
    [BindProperty(Name = PostalCodeField)] public string? PostalCode { get; set; }
    [BindProperty(Name = CityField)] public string? City { get; set; }
    [BindProperty(Name = PhoneField)] public string? Phone { get; set; }
    [BindProperty(Name = EmailField)] public string? Email { get; set; }
    [BindProperty(Name = OutsideField)] public bool LivesOutsideCommune { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public FamilyList? Families { get; private set; }

    public string CommuneLabel => MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    /// <summary>The reason carried by the links to each family: the one typed, or the default.</summary>
    public string ReasonForLinks => string.IsNullOrWhiteSpace(Reason) ? DefaultReason : Reason.Trim();

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        MyCommunes = User.Communes();
        Commune = ChosenCommune();
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(NameField, "Indiquez le nom de la famille, par exemple MARTIN.");
        }
        if (ModelState.IsValid && Commune is not null)
        {
            try
            {
                var created = await enrolment.SaveFamilyAsync(new SaveFamilyRequest
                {
                    CommuneInseeCode = Commune,
                    Name = Name!.Trim(),
                    Address = Address?.Trim() ?? "",
                    PostalCode = PostalCode?.Trim() ?? "",
                    City = City?.Trim() ?? "",
                    Phone = Phone?.Trim() ?? "",
                    Email = Email?.Trim() ?? "",
                    LivesOutsideCommune = LivesOutsideCommune,
                }, cancellationToken: HttpContext.RequestAborted);
                logger.LogInformation("Famille {FamilyId} créée dans la commune {Commune}.", created.FamilyId, Commune);
                return RedirectToPage("/Admin/Familles/Famille", new { id = created.FamilyId, motif = "Inscription d'une nouvelle famille", creee = "1" });
            }
            catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition)
            {
                foreach (var problem in FieldErrors.Problems(refusal, "Vérifiez les informations saisies."))
                {
                    ModelState.AddModelError(string.Empty, $"La famille n'a pas été créée. {problem}");
                }
            }
        }
        await LoadAsync();
        return Page();
    }

    private string? ChosenCommune() =>
        string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();

    private async Task LoadAsync()
    {
        MyCommunes = User.Communes();
        Commune = ChosenCommune();
        if (Commune is null)
        {
            return;
        }
        Families = await enrolment.ListFamiliesAsync(
            new ListFamiliesRequest { CommuneInseeCode = Commune, Search = Search?.Trim() ?? "", Limit = ShownAtMost },
            cancellationToken: HttpContext.RequestAborted);
    }
}
