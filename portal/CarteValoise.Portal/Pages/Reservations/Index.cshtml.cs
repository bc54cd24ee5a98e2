using CarteValoise.Contracts.Families;
using CarteValoise.Contracts.Reservations;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using GrpcStatus = Grpc.Core.StatusCode;

namespace CarteValoise.Portal.Pages.Reservations;

/// <summary>
/// «Réservations»: a child's week of school services, reserved and cancelled in one form under the
/// commune's cut-offs, and what the child took these last four weeks. The child asked for is passed
/// to the cloud as it is: the cloud, not this page, decides whether the parent may see or change it
/// (another family's child is its «Accès refusé»). One save is one all-or-nothing call, its operation
/// id made when the form was shown, so that sending the same form twice changes things once.
/// </summary>
public sealed class IndexModel(Families.FamiliesClient families, Contracts.Reservations.Reservations.ReservationsClient reservations,
    TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const string ChildField = "enfant";
    public const string WeekField = "semaine";
    public const string OperationField = "operation";
    public const string ShownField = "affiche";
    public const string TickedField = "reserver";

    public const string BadWeek =
        "La semaine demandée n'est pas valide : indiquez un jour de la semaine voulue, par exemple 07/12/2026.";
    public const string BadForm =
        "Le formulaire envoyé est incomplet ou a été modifié : affichez à nouveau la semaine et recommencez. Aucune réservation n'a été modifiée.";
    public const string NothingToSave = "Aucune modification à enregistrer : vous n'avez coché ni décoché aucune case.";
    public const string NothingChanged =
        "Aucune réservation n'a été modifiée : décochez ou recochez les cases signalées, puis enregistrez à nouveau.";

    [BindProperty(SupportsGet = true, Name = ChildField)]
    public string? Child { get; set; }

    [BindProperty(SupportsGet = true, Name = WeekField)]
    public string? Week { get; set; }

    [BindProperty(Name = OperationField)]
    public string? OperationId { get; set; }

    [BindProperty(Name = ShownField)]
    public Dictionary<string, string> Shown { get; set; } = [];

    [BindProperty(Name = TickedField)]
    public Dictionary<string, string> Ticked { get; set; } = [];

    /// <summary>What the last save changed, one line each, carried across the redirect that follows it.</summary>
    [TempData(Key = "Reservations.Confirmation")]
    public string? Confirmation { get; set; }

    [TempData(Key = "Reservations.Notice")]
    public string? Notice { get; set; }

    public FamilySummary Family { get; private set; } = null!;

    public string? ChildId { get; private set; }

    public ChildCalendarReply? Calendar { get; private set; }

    public ReservationWeek? Days { get; private set; }

    public TakenLately? Taken { get; private set; }

    public DateOnly Monday { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>A new id for each form shown: the save it carries applies once however often it is sent.</summary>
    public string NewOperationId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True when no family is attached to the account yet (a citizen who has just registered).</summary>
    public bool NoFamily { get; private set; }

    /// <summary>True in the answer to a save the cloud refused as a whole.</summary>
    public bool Refused { get; private set; }

    public IReadOnlyList<string> ConfirmationLines =>
        string.IsNullOrEmpty(Confirmation) ? [] : Confirmation.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string ChildName => Calendar is { } calendar ? $"{calendar.FirstName} {calendar.LastName}".Trim()
        : Family.Children.FirstOrDefault(c => c.ChildId == ChildId) is { } child ? $"{child.FirstName} {child.LastName}" : "";

    /// <summary>The page of this child for another week.</summary>
    public string LinkTo(string? childId, DateOnly monday) =>
        Url.Page("/Reservations/Index", new Dictionary<string, object?> { [ChildField] = childId, [WeekField] = FrenchFormat.WireDay(monday) })!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(SessionRoles.Agent))
        {
            return RedirectToPage("/Admin/Index");
        }
        await LoadAsync(wanted: null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.IsInRole(SessionRoles.Agent))
        {
            return RedirectToPage("/Admin/Index");
        }
        var posted = PostedWeek.Read(Shown, Ticked);
        var childId = Child?.Trim() ?? "";
        if (childId.Length == 0 || posted.Malformed || !IsOperationId(OperationId))
        {
            ModelState.AddModelError(string.Empty, BadForm);
            await LoadAsync(wanted: null);
            return Page();
        }
        if (posted.Changes.Count == 0)
        {
            Notice = NothingToSave;
            return Redirect(LinkTo(childId, WeekAsked(report: false)));
        }

        var request = new ChangeReservationsRequest { ChildId = childId, OperationId = OperationId };
        request.Changes.AddRange(posted.Changes);
        ChangeReservationsReply reply;
        try
        {
            reply = await reservations.ChangeReservationsAsync(request, cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition)
        {
            // The cloud words its reasons in French for the parent.
            Refused = true;
            ModelState.AddModelError(string.Empty, string.IsNullOrWhiteSpace(refusal.Status.Detail) ? BadForm : refusal.Status.Detail);
            await LoadAsync(posted.Wanted);
            return Page();
        }

        if (reply.Applied)
        {
            logger.LogInformation("Réservations de l'enfant {ChildId} modifiées ({Count} changements, opération {OperationId}).",
                childId, reply.Outcomes.Count, OperationId);
            Confirmation = string.Join('\n', ConfirmationOf(reply.Outcomes.Count > 0 ? reply.Outcomes.Select(o => o.Change).OfType<ReservationChangeItem>() : posted.Changes));
            return Redirect(LinkTo(childId, WeekAsked(report: false)));
        }

        Refused = true;
        await LoadAsync(posted.Wanted);
        var reasons = reply.Outcomes.Where(o => !string.IsNullOrWhiteSpace(o.Refusal)).ToList();
        foreach (var outcome in reasons)
        {
            ModelState.AddModelError(ErrorAnchor(outcome.Change), outcome.Refusal);
        }
        if (reasons.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Les réservations n'ont pas été enregistrées. Réessayez dans un instant.");
        }
        return Page();
    }

    /// <summary>«Réservé : cantine du jeudi 10 décembre 2026», «Annulé : accueil du soir du vendredi 11 décembre 2026».</summary>
    public static IEnumerable<string> ConfirmationOf(IEnumerable<ReservationChangeItem> changes) =>
        changes
            .Select(change => (Change: change, Parsed: FrenchFormat.TryParseWireDay(change.Date, out var day) ? day : (DateOnly?)null))
            .OrderBy(c => c.Parsed).ThenBy(c => c.Change.Service)
            .Select(c => $"{(c.Change.Reserved ? "Réservé" : "Annulé")} : "
                + (c.Parsed is { } day ? new CellKey(day, c.Change.Service).Said : $"{ServiceWording.InSentence(c.Change.Service)} du {c.Change.Date}"));

    private async Task LoadAsync(IReadOnlyDictionary<CellKey, bool>? wanted)
    {
        Today = FrenchFormat.TodayInParis(time);
        Monday = WeekAsked(report: true);
        var cancel = HttpContext.RequestAborted;
        try
        {
            Family = await families.GetMyFamilyAsync(new GetMyFamilyRequest(), cancellationToken: cancel);
        }
        catch (RpcException refusal) when (refusal.StatusCode == GrpcStatus.FailedPrecondition)
        {
            // The cloud's word for an account that no family is attached to: nothing to reserve yet.
            NoFamily = true;
            Family = new FamilySummary();
            return;
        }
        ChildId = string.IsNullOrWhiteSpace(Child) ? Family.Children.FirstOrDefault()?.ChildId : Child.Trim();
        if (ChildId is null)
        {
            return;
        }

        var (first, last) = TakenLately.Range(Today);
        var week = reservations.GetChildCalendarAsync(new ChildCalendarRequest
        {
            ChildId = ChildId, From = FrenchFormat.WireDay(Monday), To = FrenchFormat.WireDay(Monday.AddDays(4)),
        }, cancellationToken: cancel).ResponseAsync;
        var past = reservations.GetChildCalendarAsync(new ChildCalendarRequest
        {
            ChildId = ChildId, From = FrenchFormat.WireDay(first), To = FrenchFormat.WireDay(last),
        }, cancellationToken: cancel).ResponseAsync;
        await Task.WhenAll(week, past);
        Calendar = week.Result;
        Days = ReservationWeek.From(Monday, Calendar, wanted);
        Taken = TakenLately.From(first, last, past.Result);
    }

    /// <summary>The Monday of the week asked for; without one, this week (the next one on a weekend).</summary>
    private DateOnly WeekAsked(bool report)
    {
        var today = FrenchFormat.TodayInParis(time);
        var current = ReservationWeek.MondayOf(today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? today.AddDays(2) : today);
        if (string.IsNullOrWhiteSpace(Week))
        {
            return current;
        }
        if (FrenchFormat.TryParseTypedDay(Week, out var day) && day.Year is >= 2000 and <= 2100)
        {
            return ReservationWeek.MondayOf(day);
        }
        if (report)
        {
            ModelState.AddModelError(WeekField, BadWeek);
        }
        return current;
    }

    /// <summary>Where the error summary sends the parent: the cell's box, or the cell when it has none any more.</summary>
    private string ErrorAnchor(ReservationChangeItem? change)
    {
        if (change is null || !FrenchFormat.TryParseWireDay(change.Date, out var day)) return string.Empty;
        var cell = Days?.Cells.FirstOrDefault(c => c.Key == new CellKey(day, change.Service));
        return cell is null ? string.Empty : cell.State.CanChange ? cell.Key.CheckboxId : cell.Key.CellId;
    }

    private static bool IsOperationId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
