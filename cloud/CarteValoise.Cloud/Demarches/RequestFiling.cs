using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// Files checked answers as a request: a reference from the commune's queue, copies of the documents
/// frozen for it, the request recorded in its workflow's first state and listed in the citizen's
/// space, then the acknowledgement mailed. Each step repeats safely under the same submission key, so
/// a retried call finds the same reference and the same request.
/// </summary>
public sealed class RequestFiling(IGrainFactory grains, DemarcheMails mails, TimeProvider time, ILogger<RequestFiling> logger)
{
    /// <param name="Key">The filer's operation: «account:operation id».</param>
    /// <param name="DocumentOwner">The account whose safe holds the documents answered; null at the counter without an account.</param>
    public sealed record Filing(
        string Key,
        string CommuneCode,
        DemarcheDefinition Definition,
        IReadOnlyDictionary<string, string> Answers,
        string? DocumentOwner,
        string CitizenAccountId,
        string CitizenName,
        string CitizenEmail,
        RequestChannel Channel,
        string EnteredByAgentName);

    public async Task<RequestView> FileAsync(Filing filing, CancellationToken cancellationToken)
    {
        var reference = await grains.GetGrain<IRequestQueueGrain>(filing.CommuneCode).Allocate(filing.Key, ServiceDay.Today(time).Year);
        var documentKeys = DocumentAnswers(filing.Definition, filing.Answers);
        IReadOnlyList<SubmittedDocument> frozen = [];
        if (filing.DocumentOwner is { } owner && documentKeys.Count > 0)
        {
            try
            {
                frozen = await grains.GetGrain<IDocumentSafeGrain>(owner)
                    .FreezeForRequest(reference, filing.CommuneCode, [.. documentKeys.Select(d => d.Value).Distinct()]);
            }
            catch (InvalidOperationException gone)
            {
                // Deleted between the check and the copy: the number stays with this operation, whose retry reuses it.
                throw DemarcheWireErrors.Invalid(documentKeys[0].Key, gone.Message);
            }
        }
        var view = await DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(reference).Submit(new RequestSubmission(
            reference, filing.Key, filing.CommuneCode, filing.Definition.Id, filing.Definition.Version, filing.Definition.Title,
            filing.CitizenAccountId, filing.CitizenName, filing.CitizenEmail, filing.Channel, filing.EnteredByAgentName,
            filing.Answers, frozen, time.GetUtcNow())));
        if (filing.CitizenAccountId.Length > 0)
            await grains.GetGrain<ICitizenDemarchesGrain>(filing.CitizenAccountId).AddRequest(
                new CitizenRequestLine(reference, filing.CommuneCode, filing.Definition.Id, filing.Definition.Title, view.Submission.SubmittedAt));
        logger.LogInformation("Demande {Reference} ({Demarche}) déposée {Channel}", reference, filing.Definition.Id, DemarcheWire.ChannelWords(filing.Channel));
        await mails.NotifyAsync(view, cancellationToken);
        return view;
    }

    /// <summary>The answers that name a document of the safe (not «vu au guichet»): key → document id.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DocumentAnswers(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers)
    {
        var documentFields = definition.AllFields().Where(f => f.Kind == FieldKind.Document).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return [.. answers.Where(a => a.Value.Length > 0 && a.Value != AnswerValues.SeenAtCounter && documentFields.Contains(FieldIdOf(a.Key)))];
    }

    /// <summary>«personnes[1].prenom» → «prenom»; «nom» → «nom».</summary>
    public static string FieldIdOf(string key)
    {
        var dot = key.LastIndexOf("].", StringComparison.Ordinal);
        return dot < 0 ? key : key[(dot + 2)..];
    }
}
