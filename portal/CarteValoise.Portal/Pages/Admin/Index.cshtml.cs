using CarteValoise.Contracts.Families;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using GrpcStatus = Grpc.Core.StatusCode;

namespace CarteValoise.Portal.Pages.Admin;

/// <summary>
/// The agents' view of one of their communes on one day: meals per school, the reader boxes and
/// their state, and the form that adds a box and gives its one-time enrolment code. The commune
/// and the school asked for are passed to the cloud as they are: the cloud, not this page, decides
/// whether the agent may see or change them.
/// </summary>
public sealed class IndexModel(Canteen.CanteenClient canteen, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const string LabelField = "libelle";
    public const string SchoolField = "ecole";
    /// <summary>What the cloud accepts; the field says so too, and the cloud refuses longer.</summary>
    public const int LabelMaxLength = 80;

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    [BindProperty(Name = SchoolField)]
    public string? NewBoxSchoolId { get; set; }

    [BindProperty(Name = LabelField)]
    public string? NewBoxLabel { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public DailyMealCounts? Meals { get; private set; }

    public BoxList? Boxes { get; private set; }

    /// <summary>Set only in the answer to the form that created the box.</summary>
    public CreatedBox? Created { get; private set; }

    public int TotalMeals => Meals?.Schools.Sum(school => school.Meals) ?? 0;

    public IReadOnlyList<BoxStatus> FlaggedBoxes =>
        Boxes?.Boxes.Where(box => BoxWording.IsFlagged(box.Health)).ToList() ?? [];

    /// <summary>The schools a box may be added to: those of the commune, as the meal counts list them.</summary>
    public IReadOnlyList<SchoolMealCount> Schools => Meals?.Schools.ToList() ?? [];

    public string CommuneLabel =>
        Meals is { CommuneName.Length: > 0 } ? Meals.CommuneName
        : MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public Task OnGetAsync() => LoadAsync();

    public async Task OnPostAddBoxAsync()
    {
        var schoolId = NewBoxSchoolId?.Trim() ?? "";
        var label = NewBoxLabel?.Trim() ?? "";
        if (schoolId.Length == 0)
        {
            ModelState.AddModelError(SchoolField, "Choisissez l'école où la boîte sera installée.");
        }
        // The label's own rules (its length) are the cloud's: its refusal is shown as the cloud words it.
        var reply = ModelState.IsValid ? await CreateBoxAsync(schoolId, label) : null;
        // The answer carries a one-time code: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        // Loaded after the creation, so that the new box is in the table below its code.
        await LoadAsync();
        if (reply is not null)
        {
            var schoolName = Schools.FirstOrDefault(s => s.SchoolId == schoolId)?.SchoolName ?? schoolId;
            // Without a label, the cloud names the box after its school.
            Created = new CreatedBox(reply.BoxId, schoolName, label.Length > 0 ? label : schoolName, reply.EnrolmentCode, reply.CodeExpiresAt?.ToDateTimeOffset());
            // The form is done: it comes back empty, ready for the next box.
            NewBoxSchoolId = null;
            NewBoxLabel = null;
        }
    }

    private async Task<CreateBoxReply?> CreateBoxAsync(string schoolId, string label)
    {
        try
        {
            var reply = await canteen.CreateBoxAsync(new CreateBoxRequest { SchoolId = schoolId, Label = label },
                cancellationToken: HttpContext.RequestAborted);
            logger.LogInformation("Boîte {BoxId} créée pour l'école {SchoolId}.", reply.BoxId, schoolId);
            return reply;
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.PermissionDenied)
        {
            ModelState.AddModelError(SchoolField,
                "Vous ne pouvez pas ajouter de boîte à cette école : elle n'appartient pas à une commune qui vous est confiée.");
            return null;
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.NotFound or GrpcStatus.FailedPrecondition)
        {
            // The cloud words its reasons in French for the agent.
            var reason = string.IsNullOrWhiteSpace(refusal.Status.Detail) ? "Vérifiez l'école et le nom saisis." : refusal.Status.Detail;
            ModelState.AddModelError(string.Empty, $"La boîte n'a pas été créée. {reason}");
            return null;
        }
    }

    private async Task LoadAsync()
    {
        MyCommunes = User.Communes();
        Now = time.GetUtcNow();
        Day = FrenchFormat.TodayInParis(time);
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (FrenchFormat.TryParseTypedDay(Date, out var day))
            {
                Day = day;
            }
            else
            {
                ModelState.AddModelError("date", "La date demandée n'est pas valide : choisissez un jour, par exemple 04/12/2026. Voici la journée d'aujourd'hui.");
            }
        }

        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null)
        {
            return;
        }

        var cancel = HttpContext.RequestAborted;
        Meals = await canteen.GetDailyMealCountsAsync(
            new DailyMealCountsRequest { CommuneInseeCode = Commune, Date = FrenchFormat.WireDay(Day) },
            cancellationToken: cancel);
        Boxes = await canteen.ListBoxesAsync(new ListBoxesRequest { CommuneInseeCode = Commune }, cancellationToken: cancel);
        if (FrenchFormat.TryParseWireDay(Meals.Date, out var answered))
        {
            Day = answered;
        }
    }
}
