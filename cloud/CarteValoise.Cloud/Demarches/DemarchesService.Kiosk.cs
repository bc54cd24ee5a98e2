using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using FieldKind = CarteValoise.Domain.Demarches.FieldKind;
using RequestChannel = CarteValoise.Grains.Demarches.RequestChannel;

namespace CarteValoise.Cloud.Demarches;

public sealed partial class DemarchesService
{
    /// <summary>
    /// A family signed in at a kiosk files a démarche of its commune, every answer at once, checked
    /// as an online submission. Nothing can be joined at a kiosk and it holds no safe, so a démarche
    /// that asks for a document is refused: it is done online or at the counter. Once per operation id.
    /// </summary>
    public override async Task<RequestDetail> FileAtKiosk(FileAtKioskRequest request, ServerCallContext context)
    {
        var caller = RequireKioskFamily(context);
        var commune = caller.CommuneCodes.FirstOrDefault()
            ?? throw DemarcheWireErrors.Refused("Votre famille n'est rattachée à aucune commune : adressez-vous au guichet de la mairie.");
        var definition = await Offered(caller, commune, request.DemarcheId);
        if (NeedsDocuments(definition))
            throw DemarcheWireErrors.Invalid("demarche",
                "Cette démarche demande des pièces justificatives : faites-la sur le portail CarteValoise ou au guichet de la mairie.");

        var problems = new List<DemarcheProblem>();
        var (name, email) = FilerIdentity.Read(request.CitizenName, request.CitizenEmail, "Indiquez votre nom et votre prénom.", problems);
        var answers = request.Answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        problems.AddRange(AnswerChecks.CheckSubmission(definition, answers, forms.Context(new CitizenForms.Belongings([], [], null))));
        if (problems.Count > 0) throw DemarcheWireErrors.Invalid(problems);

        // Anyone may type any address at a public screen: the request joins an account's space only
        // when that account is of the family whose card opened the session.
        var account = email.Length > 0 ? await grains.GetGrain<IAccountGrain>(email.ToLowerInvariant()).Get() : null;
        var citizenAccountId = account is { Role: CallerRole.Parent } && account.FamilyId is { } family && family == caller.FamilyId ? account.AccountId : "";
        var view = await filing.FileAsync(new RequestFiling.Filing($"{caller.AccountId}:{OperationIds.Of(request.OperationId)}", commune, definition,
            AnswerChecks.Kept(definition, answers), DocumentOwner: null, citizenAccountId, name, account?.Email ?? email, RequestChannel.Kiosk, ""),
            context.CancellationToken);
        logger.LogInformation("Demande {Reference} déposée à la borne par {AccountId}", view.Reference, caller.AccountId);
        return await details.For(view, Actor.Citizen);
    }

    /// <summary>A démarche with a required document field, shown or not: its papers cannot be joined at a kiosk.</summary>
    public static bool NeedsDocuments(DemarcheDefinition definition) =>
        definition.AllFields().Any(field => field.Kind == FieldKind.Document && field.Required);

    private Caller RequireKioskFamily(ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role == CallerRole.KioskFamily) return caller;
        throw WireErrors.PermissionDenied("Ce dépôt est réservé aux bornes : depuis votre compte, déposez la démarche sur le portail.");
    }
}
