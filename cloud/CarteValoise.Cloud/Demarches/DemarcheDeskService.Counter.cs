using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using RequestChannel = CarteValoise.Grains.Demarches.RequestChannel;

namespace CarteValoise.Cloud.Demarches;

public sealed partial class DemarcheDeskService
{
    /// <summary>
    /// A request brought on paper, entered by an agent: every answer checked at once as an online
    /// submission, a document field answered «vu au guichet». When the email given is a citizen's
    /// account, the request is theirs: listed in their space, their children and documents may be
    /// answered, and they are mailed as online. Once per operation id.
    /// </summary>
    public override async Task<RequestDetail> FileAtCounter(FileAtCounterRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireCommune(caller, request.CommuneInseeCode);
        var entry = (await definitions.Catalogue(commune)).FirstOrDefault(e => e.DemarcheId == request.DemarcheId.Trim());
        var definition = entry is null ? null : await definitions.Get(commune, entry.DemarcheId, entry.CurrentVersion);
        if (definition is null) throw DemarcheWireErrors.Invalid("demarche", "Choisissez une démarche du catalogue de la commune.");

        var problems = new List<DemarcheProblem>();
        var (name, email) = FilerIdentity.Read(request.CitizenName, request.CitizenEmail, "Indiquez le nom et le prénom du demandeur.", problems);
        var account = email.Length > 0 && problems.Count == 0 ? await grains.GetGrain<IAccountGrain>(email.ToLowerInvariant()).Get() : null;
        var citizenAccountId = account is { Role: CallerRole.Parent } ? account.AccountId : null;

        var answers = request.Answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var belongings = citizenAccountId is null
            ? new CitizenForms.Belongings([], [], null)
            : await forms.Of(citizenAccountId, await directory.OfAccount(citizenAccountId));
        problems.AddRange(AnswerChecks.CheckSubmission(definition, answers, forms.Context(belongings, atCounter: true)));
        if (problems.Count > 0) throw DemarcheWireErrors.Invalid(problems);

        var agentName = SignedBy.Of(caller);
        var view = await filing.FileAsync(new RequestFiling.Filing($"{caller.AccountId}:{OperationIds.Of(request.OperationId)}", commune, definition,
            AnswerChecks.Kept(definition, answers), citizenAccountId, citizenAccountId ?? "", name,
            account?.Email ?? email, RequestChannel.Counter, agentName), context.CancellationToken);
        logger.LogInformation("Demande {Reference} saisie au guichet par {AccountId}", view.Reference, caller.AccountId);
        return await details.For(view, Actor.Agent);
    }
}
