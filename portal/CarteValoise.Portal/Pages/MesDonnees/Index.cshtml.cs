using CarteValoise.Contracts.PersonalData;
using CarteValoise.Portal.Privacy;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.MesDonnees;

/// <summary>
/// «Mes données»: what the platform holds on the citizen and their household, part by part with
/// counts, the archive to download, who among the agents opened it and why, how long each kind of
/// data is kept, and the closure of the account (asked on /MesDonnees/Cloture, cancelled here).
/// The cloud refuses anyone but the parent themself (an agent reaches its «Accès refusé»).
/// </summary>
public sealed class IndexModel(PersonalData.PersonalDataClient personalData) : PageModel
{
    public const string OperationField = "operation";

    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty(Name = OperationField)]
    public string? Operation { get; set; }

    public MyDataSummary Summary { get; private set; } = new();

    public IReadOnlyList<AccessLogLine> AccessLog { get; private set; } = [];

    public RetentionPeriods Retention { get; private set; } = new();

    public AccountClosure Closure { get; private set; } = new();

    /// <summary>A fresh id for each cancel form shown: the same form sent twice cancels once.</summary>
    public string NewOperation { get; } = Guid.NewGuid().ToString("N");

    public string? DoneMessage => ClosureWording.Done(Done, Closure);

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>«Agnès Durand (Cergy)»: the agent, and the communes they acted for.</summary>
    public static string Who(AccessLogLine entry) =>
        entry.CommuneNames.Length == 0 ? entry.AgentName : $"{entry.AgentName} ({entry.CommuneNames})";

    /// <summary>The reason given; a refused attempt says so, whatever its reason.</summary>
    public static string Why(AccessLogLine entry) =>
        entry.Allowed || entry.Why.Contains("refusé", StringComparison.OrdinalIgnoreCase) ? entry.Why : $"{entry.Why} (accès refusé)";

    public async Task<IActionResult> OnPostAnnulerAsync()
    {
        try
        {
            await personalData.CancelAccountClosureAsync(new CancelAccountClosureRequest { OperationId = Operation ?? "" },
                cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.InvalidArgument)
        {
            ModelState.AddModelError("", refusal.Status.Detail);
            await LoadAsync();
            return Page();
        }
        return Redirect($"/MesDonnees?fait={ClosureWording.Cancelled}#cloture");
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var summary = personalData.GetMyDataSummaryAsync(new GetMyDataSummaryRequest(), cancellationToken: cancel);
        var log = personalData.GetAccessLogAsync(new GetAccessLogRequest(), cancellationToken: cancel);
        var retention = personalData.GetRetentionPeriodsAsync(new GetRetentionPeriodsRequest(), cancellationToken: cancel);
        var closure = personalData.GetAccountClosureAsync(new GetAccountClosureRequest(), cancellationToken: cancel);
        Summary = await summary;
        AccessLog = (await log).Entries;
        Retention = await retention;
        Closure = await closure;
    }
}
