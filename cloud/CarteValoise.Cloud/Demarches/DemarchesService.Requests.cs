using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.DocumentSafe;
using CarteValoise.Grains.Identity;
using Google.Protobuf;
using Grpc.Core;
using RequestChannel = CarteValoise.Grains.Demarches.RequestChannel;

namespace CarteValoise.Cloud.Demarches;

public sealed partial class DemarchesService
{
    /// <summary>Documents a message or a complement may carry: a handful, not the whole safe.</summary>
    public const int MaxDocuments = 5;

    /// <summary>A message longer than this is refused rather than cut (the request's own limit, said here as a field's problem).</summary>
    public const int LongestMessage = RequestTexts.MessageMaxLength;

    /// <summary>
    /// Checks every shown page again, then files the draft (<see cref="RequestFiling"/>) and removes it.
    /// The same operation again answers the same request, even once the draft is gone.
    /// </summary>
    public override async Task<RequestDetail> SubmitDraft(SubmitDraftRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var key = $"{caller.AccountId}:{OperationIds.Of(request.OperationId)}";
        var draftId = request.DraftId.Trim();
        var draft = draftId.Length == 0 ? null : await Mine(caller).GetDraft(draftId);
        if (draft is null)
        {
            // Filed already under this operation (the answer was lost on the way back): the same request.
            if (await FiledUnder(caller, key) is { } filed) return await details.For(filed, Actor.Citizen);
            throw DemarcheWireErrors.Refused("Ce brouillon n'existe plus : il a été déposé ou supprimé. Retrouvez vos démarches dans « Mes démarches ».");
        }
        // A démarche the commune stopped offering since the draft was begun is no longer filed.
        if ((await definitions.Catalogue(draft.CommuneCode)).FirstOrDefault(e => e.DemarcheId == draft.DemarcheId) is not { Enabled: true })
            throw DemarcheWireErrors.Refused("La commune ne propose plus cette démarche en ligne : votre brouillon reste enregistré ; adressez-vous à la mairie.");
        var definition = await PinnedDefinition(draft);
        var belongings = await forms.Of(caller);
        var problems = AnswerChecks.CheckSubmission(definition, draft.Answers, forms.Context(belongings));
        if (problems.Count > 0) throw DemarcheWireErrors.Invalid(problems);

        var account = await grains.GetGrain<IAccountGrain>(caller.AccountId).Get();
        var me = belongings.Household?.Adults.FirstOrDefault(a => a.AccountId == caller.AccountId);
        var name = me is { FirstName.Length: > 0 } ? me.FullName : account?.DisplayName is { Length: > 0 } shown ? shown : caller.DisplayName;
        var view = await filing.FileAsync(new RequestFiling.Filing(key, draft.CommuneCode, definition, AnswerChecks.Kept(definition, draft.Answers),
            caller.AccountId, caller.AccountId, name, account?.Email ?? caller.AccountId, RequestChannel.Online, ""), context.CancellationToken);
        await Mine(caller).RemoveDraft(draft.DraftId);
        return await details.For(view, Actor.Citizen);
    }

    public override async Task<RequestDetail> GetMyRequest(GetMyRequestRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        return await details.For(await RequireOwn(caller, request.Reference), Actor.Citizen);
    }

    public override async Task<RequestDetail> MoveMyRequest(MoveMyRequestRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var view = await RequireOwn(caller, request.Reference);
        var operationId = OperationIds.Of(request.OperationId);
        if (view.Timeline.Any(e => e.OperationId == operationId)) return await details.For(view, Actor.Citizen);

        var definition = await definitions.Of(view.Submission);
        var moveId = request.MoveId.Trim();
        var message = request.Message.Trim();
        var move = definition.Workflow.Move(moveId);
        CheckMessage(message, required: move?.RequiresReason == true, request.DocumentIds.Count);
        if (WorkflowRules.Refusal(definition.Workflow, view.StateId, moveId, Actor.Citizen, message) is { } refusal) throw DemarcheWireErrors.Refused(refusal);

        var documents = await Freeze(caller, view, operationId, request.DocumentIds);
        view = await DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(view.Reference).Move(
            new RequestMoveCommand(operationId, moveId, Actor.Citizen, caller.AccountId, view.Submission.CitizenName, message, documents)));
        await mails.NotifyAsync(view, context.CancellationToken);
        return await details.For(view, Actor.Citizen);
    }

    public override async Task<RequestDetail> PostMyMessage(PostMyMessageRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var view = await RequireOwn(caller, request.Reference);
        var operationId = OperationIds.Of(request.OperationId);
        if (view.Timeline.Any(e => e.OperationId == operationId)) return await details.For(view, Actor.Citizen);
        var message = request.Message.Trim();
        CheckMessage(message, required: request.DocumentIds.Count == 0, request.DocumentIds.Count);

        var documents = await Freeze(caller, view, operationId, request.DocumentIds);
        view = await DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(view.Reference).Post(
            new RequestMessageCommand(operationId, Actor.Citizen, caller.AccountId, view.Submission.CitizenName, message, Internal: false, documents)));
        await mails.NotifyAsync(view, context.CancellationToken);
        return await details.For(view, Actor.Citizen);
    }

    /// <summary>
    /// The acknowledgement, a generated document or a document the request carries, for the request's
    /// citizen or an agent of its commune (whose read is written to the citizen's access log).
    /// </summary>
    public override async Task<RequestFile> DownloadRequestFile(DownloadRequestFileRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await details.Find(request.Reference);
        var mayRead = view is not null && (
            (caller.Role == CallerRole.Parent && view.Submission.CitizenAccountId.Length > 0 && view.Submission.CitizenAccountId == caller.AccountId)
            || AccessRules.CanReadCommune(caller, view.Submission.CommuneCode));
        if (view is null || !mayRead)
        {
            logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé un fichier de la demande {Reference}", caller.AccountId, caller.Role, request.Reference);
            throw DemarcheWireErrors.RequestDenied();
        }
        var definition = await definitions.Of(view.Submission);
        var communeName = await details.CommuneName(view.Submission.CommuneCode);
        var fileId = request.FileId.Trim();
        if (fileId == RequestFiles.AcknowledgementId)
        {
            await RecordAgentRead(caller, view, "récépissé de la demande (réponses du formulaire)");
            return Pdf(RequestFiles.AcknowledgementFileName(view.Reference), await files.AcknowledgementAsync(view, definition, communeName));
        }
        if (view.Generated.FirstOrDefault(f => f.FileId == fileId) is { } generated
            && await files.GeneratedAsync(view, definition, communeName, generated) is { } pdf)
        {
            await RecordAgentRead(caller, view, $"document « {generated.Title} »");
            return Pdf(generated.FileName, pdf);
        }
        // A document of the request (filed with it, or with a later message, whose copy is kept under its own key,
        // or joined by an agent); one of an internal note is the commune's only.
        if (DemarcheWire.Documents(view, withInternal: AccessRules.CanReadCommune(caller, view.Submission.CommuneCode)).FirstOrDefault(d => d.DocumentId == fileId) is { } copy)
        {
            await RecordAgentRead(caller, view, $"document « {copy.FileName} » ({copy.TypeLabel})");
            return new RequestFile { FileName = copy.FileName, ContentType = copy.ContentType, Content = ByteString.CopyFrom(await documentContents.Read(copy.DocumentId, context.CancellationToken)) };
        }
        throw new RpcException(new Status(StatusCode.NotFound, "Ce fichier n'est pas dans cette demande."));
    }

    private static RequestFile Pdf(string fileName, byte[] content) =>
        new() { FileName = fileName, ContentType = "application/pdf", Content = ByteString.CopyFrom(content) };

    private Task RecordAgentRead(Caller caller, RequestView view, string what) =>
        AccessRules.MustLogRead(caller) && view.Submission.CitizenAccountId.Length > 0
            ? accessLog.RecordAccountRead(caller, view.Submission.CitizenAccountId, what, $"demande {view.Reference}")
            : Task.CompletedTask;

    /// <summary>The caller's own request; another's, or one that does not exist, is refused alike.</summary>
    private async Task<RequestView> RequireOwn(Caller caller, string reference)
    {
        var view = await details.Find(reference);
        if (view is not null && view.Submission.CitizenAccountId.Length > 0 && view.Submission.CitizenAccountId == caller.AccountId) return view;
        logger.LogWarning("Accès refusé : {AccountId} a demandé la demande {Reference}", caller.AccountId, reference);
        throw DemarcheWireErrors.RequestDenied();
    }

    private async Task<RequestView?> FiledUnder(Caller caller, string key)
    {
        foreach (var line in (await Mine(caller).Requests()).OrderByDescending(l => l.SubmittedAt))
            if (await grains.GetGrain<IDemarcheRequestGrain>(line.Reference).Get() is { } view && view.Submission.SubmissionKey == key) return view;
        return null;
    }

    private static void CheckMessage(string message, bool required, int documentCount)
    {
        var problems = new List<DemarcheProblem>();
        if (required && message.Length == 0) problems.Add(new("message", "Écrivez votre message (ou votre réponse) avant de l'envoyer."));
        if (message.Length > LongestMessage) problems.Add(new("message", RequestTexts.MessageTooLong));
        if (documentCount > MaxDocuments) problems.Add(new("documents", $"Joignez au plus {MaxDocuments} documents à un message."));
        if (problems.Count > 0) throw DemarcheWireErrors.Invalid(problems);
    }

    /// <summary>
    /// Copies of the documents given, frozen for the request: the safe freezes once per key, so each
    /// message's copies are kept under a key of their own, «référence/opération».
    /// </summary>
    private async Task<IReadOnlyList<SubmittedDocument>> Freeze(Caller caller, RequestView view, string operationId, IEnumerable<string> documentIds)
    {
        var ids = documentIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return [];
        try
        {
            return await grains.GetGrain<IDocumentSafeGrain>(caller.AccountId)
                .FreezeForRequest($"{view.Reference}/{OperationIds.Short(operationId)}", view.Submission.CommuneCode, ids);
        }
        catch (InvalidOperationException gone)
        {
            throw DemarcheWireErrors.Invalid("documents", gone.Message);
        }
    }
}
