using System.Globalization;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Web.Formatting;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>
/// One family's dossier as an agent opens it: every opening gives a reason that the cloud writes to
/// the family's access log. From here the agent sets the quotient familial, gives, replaces or
/// blocks a child's card; the child's enrolment and taps have pages of their own. What the cloud
/// refuses is shown next to the field, the value as typed kept; nothing is changed.
/// </summary>
public sealed class FamilleModel(Enrolment.EnrolmentClient enrolment, ILogger<FamilleModel> logger) : PageModel
{
    public const string QuotientField = "quotient";
    public const string JustifiedOnField = "justifie-le";
    public const string CardField = "carte";
    public const string FormerCardField = "ancienne-carte";

    [BindProperty(SupportsGet = true, Name = "id")]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "motif")]
    public string? Reason { get; set; }

    /// <summary>The child whose card loss the agent is asked to confirm.</summary>
    [BindProperty(SupportsGet = true, Name = "perdue")]
    public string? ConfirmLossOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "creee")]
    public string? JustCreated { get; set; }

    [BindProperty(SupportsGet = true, Name = "enfant-enregistre")]
    public string? ChildSaved { get; set; }

    [BindProperty(Name = QuotientField)]
    public string? QuotientTyped { get; set; }

    [BindProperty(Name = JustifiedOnField)]
    public string? JustifiedOnTyped { get; set; }

    [BindProperty(Name = CardField)]
    public string? CardTyped { get; set; }

    /// <summary>The card the child held when the form was shown: only for the words of the answer.</summary>
    [BindProperty(Name = FormerCardField)]
    public string? FormerCard { get; set; }

    public FamilyDossier Dossier { get; private set; } = new();

    /// <summary>What the last form did, said once at the top of the page.</summary>
    public string? Done { get; private set; }

    /// <summary>The child whose card form was just sent: it keeps what was typed.</summary>
    public string? CardFormOf { get; private set; }

    public string ReasonGiven => string.IsNullOrWhiteSpace(Reason) ? IndexModel.DefaultReason : Reason.Trim();

    public static string CardFieldOf(string childId) => $"{CardField}-{childId}";

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (JustCreated == "1") Done = $"La famille {Dossier.Name} est créée sous le numéro {Dossier.FamilyId}. Ajoutez maintenant ses enfants.";
        if (ChildSaved is { Length: > 0 } && Dossier.Children.FirstOrDefault(c => c.ChildId == ChildSaved) is { } child)
            Done = $"L'inscription de {child.FirstName} {child.LastName} est enregistrée.";
    }

    public async Task OnPostQuotientAsync()
    {
        var quotient = 0;
        if (string.IsNullOrWhiteSpace(QuotientTyped))
            ModelState.AddModelError(QuotientField, "Indiquez le quotient familial en euros, par exemple 650.");
        else if (!TypedNumbers.TryParseWhole(QuotientTyped, out quotient))
            ModelState.AddModelError(QuotientField, $"« {QuotientTyped.Trim()} » n'est pas un quotient familial : écrivez un nombre entier d'euros, par exemple 650.");
        var justifiedOn = "";
        if (!string.IsNullOrWhiteSpace(JustifiedOnTyped))
        {
            if (FrenchFormat.TryParseTypedDay(JustifiedOnTyped, out var day)) justifiedOn = FrenchFormat.WireDay(day);
            else ModelState.AddModelError(JustifiedOnField, $"« {JustifiedOnTyped.Trim()} » n'est pas une date : choisissez un jour, par exemple 15/09/2026.");
        }
        if (ModelState.IsValid)
        {
            try
            {
                Dossier = await enrolment.SetQuotientFamilialAsync(
                    new SetQuotientFamilialRequest { FamilyId = Id, QuotientFamilial = quotient, JustifiedOn = justifiedOn },
                    cancellationToken: HttpContext.RequestAborted);
                Done = $"Le quotient familial de la famille {Dossier.Name} est enregistré : {WholeNumbers.Quotient(Dossier.QuotientFamilial)}.";
                QuotientTyped = null;
                JustifiedOnTyped = null;
                return;
            }
            catch (RpcException refusal) when (IsRefusedInput(refusal))
            {
                foreach (var problem in FieldErrors.Problems(refusal, "Le quotient familial n'a pas été enregistré."))
                {
                    // The cloud words one problem per line; one about the justification's date belongs next to that field.
                    var field = problem.Contains("justificatif", StringComparison.OrdinalIgnoreCase) || problem.Contains("date", StringComparison.OrdinalIgnoreCase)
                        ? JustifiedOnField : QuotientField;
                    ModelState.AddModelError(field, problem);
                }
            }
        }
        await LoadAsync();
    }

    public async Task OnPostCardAsync(string? enfant)
    {
        var childId = enfant?.Trim() ?? "";
        CardFormOf = childId;
        var uid = CardTyped?.Trim() ?? "";
        if (uid.Length == 0)
            ModelState.AddModelError(CardFieldOf(childId), "Indiquez le numéro de la carte, tel que le lecteur l'affiche (par exemple 04A2B3C4D5E6F7).");
        if (ModelState.IsValid)
        {
            try
            {
                Dossier = await enrolment.IssueCardAsync(new IssueCardRequest { ChildId = childId, CardUid = uid }, cancellationToken: HttpContext.RequestAborted);
                var child = Dossier.Children.FirstOrDefault(c => c.ChildId == childId);
                var name = child is null ? "l'enfant" : $"{child.FirstName} {child.LastName}";
                Done = FormerCard is { Length: > 0 } former && former != child?.CardUid
                    ? $"La carte {child?.CardUid} remplace la carte {former} de {name} : l'ancienne est refusée à toutes les boîtes dès leur prochaine synchronisation."
                    : $"La carte {child?.CardUid} est attribuée à {name}.";
                logger.LogInformation("Carte attribuée à l'enfant {ChildId}.", childId);
                CardFormOf = null;
                CardTyped = null;
                return;
            }
            catch (RpcException refusal) when (IsRefusedInput(refusal))
            {
                foreach (var problem in FieldErrors.Problems(refusal, "La carte n'a pas été attribuée."))
                    ModelState.AddModelError(CardFieldOf(childId), problem);
            }
        }
        await LoadAsync();
    }

    public async Task OnPostLostAsync(string? enfant)
    {
        var childId = enfant?.Trim() ?? "";
        try
        {
            Dossier = await enrolment.ReportCardLostAsync(new ReportCardLostRequest { ChildId = childId }, cancellationToken: HttpContext.RequestAborted);
            var child = Dossier.Children.FirstOrDefault(c => c.ChildId == childId);
            var uid = child?.CardUid is { Length: > 0 } held ? held : FormerCard;
            Done = $"La carte {uid} de {child?.FirstName} {child?.LastName} est déclarée perdue : elle est refusée à toutes les boîtes dès leur prochaine synchronisation. Attribuez-lui une nouvelle carte ci-dessous.";
            logger.LogInformation("Carte de l'enfant {ChildId} déclarée perdue.", childId);
            return;
        }
        catch (RpcException refusal) when (IsRefusedInput(refusal))
        {
            foreach (var problem in FieldErrors.Problems(refusal, "La carte n'a pas été déclarée perdue."))
                ModelState.AddModelError(string.Empty, problem);
        }
        await LoadAsync();
    }

    public static string BirthDate(string wire) =>
        FrenchFormat.TryParseWireDay(wire, out var day) ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : wire;

    public static string JustifiedOn(string wire) =>
        FrenchFormat.TryParseWireDay(wire, out var day) ? FrenchFormat.Day(day) : "";

    /// <summary>A refusal of what was typed: said on the page. Access refusals go to the «Accès refusé» page.</summary>
    private static bool IsRefusedInput(RpcException refusal) =>
        refusal.StatusCode is GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition or GrpcStatus.AlreadyExists;

    private async Task LoadAsync()
    {
        Dossier = await enrolment.GetFamilyDossierAsync(
            new GetFamilyDossierRequest { FamilyId = Id, Reason = ReasonGiven }, cancellationToken: HttpContext.RequestAborted);
    }
}
