using CarteValoise.Contracts.Canteen;
using CarteValoise.Portal.Pages.Admin.Familles;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MealCounts = CarteValoise.Contracts.Families;

namespace CarteValoise.Portal.Pages.Admin.Regles;

/// <summary>
/// The rules a commune sets for its canteen and care: the ones in force as a form, and the versions
/// saved before. Saving makes a new version; what the cloud refuses is listed at the top, one
/// problem per line, and the form keeps what the agent typed.
/// </summary>
public sealed class IndexModel(
    CanteenRules.CanteenRulesClient rules,
    MealCounts.Canteen.CanteenClient canteen,
    TimeProvider time,
    ILogger<IndexModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public CommuneRules InForce { get; private set; } = new();

    /// <summary>The versions saved, the latest first.</summary>
    public IReadOnlyList<CommuneRules> History { get; private set; } = [];

    public IReadOnlyList<MealCounts.SchoolMealCount> Schools { get; private set; } = [];

    public RulesForm Form { get; private set; } = RulesForm.From(new CommuneRules());

    /// <summary>What saving did, said once.</summary>
    public string? Done { get; private set; }

    public string CommuneLabel => MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        if (await LoadAsync()) Form = RulesForm.From(InForce);
    }

    public async Task OnPostAsync()
    {
        if (!await LoadAsync()) return;
        Form = RulesForm.Read(Request.Form, InForce);
        var typed = Form.ToRules(ModelState);
        if (!ModelState.IsValid) return;
        var before = InForce.Version;
        try
        {
            InForce = await rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = Commune, Rules = typed }, cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition)
        {
            foreach (var problem in FieldErrors.Problems(refusal, "Les règles n'ont pas été enregistrées : vérifiez le formulaire."))
                ModelState.AddModelError(string.Empty, problem);
            return;
        }
        logger.LogInformation("Règles de la commune {Commune} : version {Version} en vigueur.", Commune, InForce.Version);
        Done = InForce.Version == before
            ? $"Rien n'a changé : la version {InForce.Version} reste en vigueur."
            : $"Les règles sont enregistrées : la version {InForce.Version} est en vigueur.";
        History = await HistoryAsync();
        Form = RulesForm.From(InForce);
    }

    public static string SavedAt(CommuneRules version) =>
        version.SavedAt is null ? "" : FrenchFormat.DayAndTime(version.SavedAt.ToDateTimeOffset());

    /// <summary>False when the agent has no commune at all.</summary>
    private async Task<bool> LoadAsync()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null) return false;
        var cancel = HttpContext.RequestAborted;
        InForce = await rules.GetRulesAsync(new GetRulesRequest { CommuneInseeCode = Commune }, cancellationToken: cancel);
        History = await HistoryAsync();
        var counts = await canteen.GetDailyMealCountsAsync(
            new MealCounts.DailyMealCountsRequest { CommuneInseeCode = Commune, Date = FrenchFormat.WireDay(FrenchFormat.TodayInParis(time)) },
            cancellationToken: cancel);
        Schools = [.. counts.Schools];
        return true;
    }

    private async Task<IReadOnlyList<CommuneRules>> HistoryAsync()
    {
        var versions = await rules.ListRuleVersionsAsync(new GetRulesRequest { CommuneInseeCode = Commune }, cancellationToken: HttpContext.RequestAborted);
        return [.. versions.Versions.OrderByDescending(v => v.Version)];
    }
}
