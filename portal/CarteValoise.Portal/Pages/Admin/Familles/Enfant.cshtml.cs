using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Portal.Pages.Admin.Regles;
using CarteValoise.Web.Formatting;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using MealCounts = CarteValoise.Contracts.Families;

namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>
/// Enrols a child in a family, or changes the enrolment: who the child is, the school and class,
/// the allergy plan (PAI), and the days the child usually attends each service the commune runs.
/// The cloud checks everything; its refusal is listed and the form keeps what was typed.
/// </summary>
public sealed class EnfantModel(
    Enrolment.EnrolmentClient enrolment,
    CanteenRules.CanteenRulesClient rules,
    MealCounts.Canteen.CanteenClient canteen,
    TimeProvider time,
    ILogger<EnfantModel> logger) : PageModel
{
    public const string FirstNameField = "prenom";
    public const string LastNameField = "nom";
    public const string BirthDateField = "naissance";
    public const string SchoolField = "ecole";
    public const string ClassField = "classe";
    public const string AllergyPlanField = "pai";
    public const string HomeMealField = "panier-repas";

    [BindProperty(SupportsGet = true, Name = "id")]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "childId")]
    public string? ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "motif")]
    public string? Reason { get; set; }

    [BindProperty(Name = FirstNameField)] public string? FirstName { get; set; }
    [BindProperty(Name = LastNameField)] public string? LastName { get; set; }
    [BindProperty(Name = BirthDateField)] public string? BirthDate { get; set; }
    [BindProperty(Name = SchoolField)] public string? SchoolId { get; set; }
    [BindProperty(Name = ClassField)] public string? Class { get; set; }
    [BindProperty(Name = AllergyPlanField)] public bool AllergyPlan { get; set; }
    [BindProperty(Name = HomeMealField)] public bool HomeMeal { get; set; }

    public FamilyDossier Dossier { get; private set; } = new();

    public IReadOnlyList<MealCounts.SchoolMealCount> Schools { get; private set; } = [];

    /// <summary>The services the commune runs, with the days each runs: the checkboxes offered.</summary>
    public IReadOnlyList<ServiceRules> Services { get; private set; } = [];

    /// <summary>The days ticked, per service.</summary>
    public Dictionary<SchoolServiceKind, HashSet<int>> Standing { get; } = [];

    public bool IsNew => string.IsNullOrEmpty(ChildId);

    public string ReasonGiven => string.IsNullOrWhiteSpace(Reason) ? IndexModel.DefaultReason : Reason.Trim();

    /// <summary>«cantine-lundi»: one checkbox per service and day, so that each is a field of its own.</summary>
    public static string DayField(SchoolServiceKind service, int day) =>
        $"{SchoolServices.Of(service).Slug}-{SchoolServices.Weekdays.First(w => w.Number == day).Name}";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (IsNew)
        {
            LastName = Dossier.Name;
            return Page();
        }
        var child = Dossier.Children.FirstOrDefault(c => c.ChildId == ChildId);
        if (child is null)
        {
            return NotFound();
        }
        FirstName = child.FirstName;
        LastName = child.LastName;
        BirthDate = child.BirthDate;
        SchoolId = child.SchoolId;
        Class = child.Class;
        AllergyPlan = child.AllergyPlan;
        HomeMeal = child.PaiHomeMeal;
        foreach (var standing in child.Standing)
            Standing[standing.Service] = [.. standing.Days];
        if (child.Standing.Count == 0 && child.CanteenDays.Count > 0)
            Standing[SchoolServiceKind.SchoolServiceCanteen] = [.. child.CanteenDays];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        ReadTickedDays();
        var birth = "";
        if (string.IsNullOrWhiteSpace(BirthDate))
            ModelState.AddModelError(BirthDateField, "Indiquez la date de naissance de l'enfant, par exemple 03/05/2018.");
        else if (FrenchFormat.TryParseTypedDay(BirthDate, out var day))
            birth = FrenchFormat.WireDay(day);
        else
            ModelState.AddModelError(BirthDateField, $"« {BirthDate.Trim()} » n'est pas une date : choisissez un jour, par exemple 03/05/2018.");
        if (string.IsNullOrWhiteSpace(FirstName))
            ModelState.AddModelError(FirstNameField, "Indiquez le prénom de l'enfant.");
        if (string.IsNullOrWhiteSpace(SchoolId))
            ModelState.AddModelError(SchoolField, "Choisissez l'école de l'enfant.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new SaveChildRequest
        {
            FamilyId = Id,
            ChildId = ChildId ?? "",
            FirstName = FirstName!.Trim(),
            LastName = LastName?.Trim() ?? "",
            BirthDate = birth,
            SchoolId = SchoolId!.Trim(),
            Class = Class?.Trim() ?? "",
            AllergyPlan = AllergyPlan,
            PaiHomeMeal = HomeMeal,
        };
        foreach (var (service, days) in Standing.Where(s => s.Value.Count > 0))
            request.Standing.Add(new StandingServiceDays { Service = service, Days = { days.Order() } });
        try
        {
            var saved = await enrolment.SaveChildAsync(request, cancellationToken: HttpContext.RequestAborted);
            var child = IsNew
                ? saved.Children.FirstOrDefault(c => !Dossier.Children.Any(before => before.ChildId == c.ChildId))
                : saved.Children.FirstOrDefault(c => c.ChildId == ChildId);
            logger.LogInformation("Inscription de l'enfant {ChildId} enregistrée dans la famille {FamilyId}.", child?.ChildId, Id);
            var answer = new RouteValueDictionary { ["id"] = Id, ["motif"] = ReasonGiven, ["enfant-enregistre"] = child?.ChildId };
            return RedirectToPage("/Admin/Familles/Famille", null, answer, child is null ? null : $"enfant-{child.ChildId}");
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition or GrpcStatus.AlreadyExists)
        {
            foreach (var problem in FieldErrors.Problems(refusal, "L'inscription n'a pas été enregistrée."))
                ModelState.AddModelError(string.Empty, problem);
            return Page();
        }
    }

    private void ReadTickedDays()
    {
        foreach (var service in Services)
        {
            var ticked = service.Days.Where(day => SchoolServices.Weekdays.Any(w => w.Number == day) && Request.Form[DayField(service.Service, day)] == "oui").ToHashSet();
            Standing[service.Service] = ticked;
        }
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        Dossier = await enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = Id, Reason = ReasonGiven }, cancellationToken: cancel);
        var commune = Dossier.CommuneInseeCode;
        var counts = await canteen.GetDailyMealCountsAsync(
            new MealCounts.DailyMealCountsRequest { CommuneInseeCode = commune, Date = FrenchFormat.WireDay(FrenchFormat.TodayInParis(time)) },
            cancellationToken: cancel);
        Schools = [.. counts.Schools];
        var inForce = await rules.GetRulesAsync(new GetRulesRequest { CommuneInseeCode = commune }, cancellationToken: cancel);
        Services = [.. inForce.Services.OrderBy(s => s.Service)];
    }
}
