using CarteValoise.Contracts.Documents;
using CarteValoise.Contracts.Households;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DocumentsService = CarteValoise.Contracts.Documents.Documents;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.Portal.Pages.Dossier;

/// <summary>
/// A change the commune checks (a new address, a new child, a custody), with its pièce justificative
/// chosen among the citizen's documents (each with its status), or added first in «Mes documents».
/// Sent, it is a request to the commune, tracked in /Dossier/Demandes; nothing of the dossier changes
/// until an agent accepts it.
/// </summary>
public sealed class ChangementModel(HouseholdsService.HouseholdsClient households, DocumentsService.DocumentsClient documents) : PageModel
{
    public const string StreetField = "adresse";
    public const string PostalCodeField = "code-postal";
    public const string CityField = "ville";
    public const string ChildFirstNameField = "enfant-prenom";
    public const string ChildLastNameField = "enfant-nom";
    public const string ChildBirthDateField = "enfant-date-naissance";
    public const string ChildSchoolField = "enfant-ecole";
    public const string CustodyChildField = "enfant";
    public const string OtherParentField = "autre-parent";
    public const string ArrangementField = "garde";
    public const string ProofField = "justificatif";
    public const string CommentField = "commentaire";

    /// <summary>The custody arrangements offered, as the contract names them, in the applicant's words.</summary>
    public static readonly IReadOnlyList<(CustodyArrangement Value, string Label)> Arrangements =
    [
        (CustodyArrangement.Alternating, "Garde alternée"),
        (CustodyArrangement.ResidesWithMe, "Résidence habituelle chez moi"),
        (CustodyArrangement.ResidesWithOtherParent, "Résidence habituelle chez l'autre parent"),
    ];

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    public MyHousehold Household { get; private set; } = new();

    public IReadOnlyList<DossierChangeKindInfo> Kinds { get; private set; } = [];

    /// <summary>The kind chosen, null until the citizen picks one.</summary>
    public DossierChangeKindInfo? Kind { get; private set; }

    /// <summary>The citizen's documents of the kind's proof type.</summary>
    public IReadOnlyList<SafeDocument> Proofs { get; private set; } = [];

    /// <summary>What was posted, shown again when the cloud refuses it.</summary>
    public IFormCollection? Posted { get; private set; }

    public string OperationId { get; private set; } = Guid.NewGuid().ToString("N");

    public string Value(string field) => Posted?[field].ToString() ?? "";

    public bool Chosen(string field, string value) => Posted?[field].Contains(value) == true;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : RedirectToPage("/Dossier/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        Posted = Request.Form;
        OperationId = Value("operation") is { Length: > 0 } given ? given : OperationId;
        if (!await LoadAsync()) return RedirectToPage("/Dossier/Index");
        if (Kind is null) return Page();
        var request = new SubmitDossierChangeRequest { OperationId = OperationId, Kind = Kind.Kind, Comment = Value(CommentField) };
        request.DocumentIds.AddRange(Posted[ProofField].OfType<string>());
        switch (Kind.Kind)
        {
            case DossierChangeKind.Address:
                request.NewAddress = new HouseholdAddress { Street = Value(StreetField), PostalCode = Value(PostalCodeField), City = Value(CityField) };
                break;
            case DossierChangeKind.NewChild:
                request.NewChild = new HouseholdChild
                {
                    FirstName = Value(ChildFirstNameField),
                    LastName = Value(ChildLastNameField),
                    BirthDate = DossierWording.WireDay(Value(ChildBirthDateField)),
                    School = Value(ChildSchoolField),
                };
                break;
            case DossierChangeKind.Custody:
                request.Custody = new CustodyChange
                {
                    ChildId = Value(CustodyChildField),
                    OtherParentEmail = Value(OtherParentField),
                    Arrangement = Enum.TryParse<CustodyArrangement>(Value(ArrangementField), out var arrangement) && Enum.IsDefined(arrangement)
                        ? arrangement : CustodyArrangement.Unspecified,
                };
                break;
        }
        try
        {
            var submitted = await households.SubmitDossierChangeAsync(request, cancellationToken: HttpContext.RequestAborted);
            return RedirectToPage("/Dossier/Demandes", new { deposee = submitted.Reference });
        }
        catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
        {
            DossierProblems.AddTo(ModelState, refusal, "La demande n'a pas été envoyée.");
        }
        return Page();
    }

    /// <summary>False when the citizen has no dossier yet: there is nothing to change.</summary>
    private async Task<bool> LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var household = households.GetMyHouseholdAsync(new GetMyHouseholdRequest(), cancellationToken: cancel);
        Kinds = [.. (await households.ListDossierChangeKindsAsync(new ListDossierChangeKindsRequest(), cancellationToken: cancel)).Kinds];
        Household = await household;
        if (!Household.Exists) return false;
        Kind = Type is not null && DossierWording.KindsBySlug.TryGetValue(Type, out var kind) ? Kinds.FirstOrDefault(k => k.Kind == kind) : null;
        if (Kind is not null)
            Proofs = [.. (await documents.ListDocumentsAsync(new ListDocumentsRequest { TypeCode = Kind.ProofTypeCode }, cancellationToken: cancel)).Documents];
        return true;
    }
}
