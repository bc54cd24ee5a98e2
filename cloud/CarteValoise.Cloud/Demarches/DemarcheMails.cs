using CarteValoise.Cloud.Household;
using CarteValoise.Cloud.Mail;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The mails of a request, in French, to its citizen: the acknowledgement at filing, then one for
/// each event of its timeline the workflow says to mail (a complement asked, a decision, a message
/// of an agent, a document available). Each event is mailed once: the request keeps how far the
/// citizen was told (<see cref="IDemarcheRequestGrain.MarkNoticed"/>); a mail that cannot go now is
/// logged and goes with the next call on the request. A mail never carries the request's answers
/// (personal data on a channel the platform does not control): its title, its reference and a
/// link, and the agents' own words. The acknowledgement PDF, which lists the answers, is attached
/// only when the address is the citizen's account's, never to an address typed at the counter.
/// </summary>
public sealed class DemarcheMails(
    IMailSender sender, PortalLinks links, IGrainFactory grains, RequestFiles files, DemarcheDefinitions definitions, HouseholdDirectory directory, ILogger<DemarcheMails> logger)
{
    private const string Signature = "L'équipe CarteValoise\nLe guichet en ligne des communes du Val-d'Oise\nCe courriel est envoyé automatiquement : merci de ne pas y répondre.";

    public async Task NotifyAsync(RequestView view, CancellationToken cancellationToken)
    {
        var submission = view.Submission;
        var pending = view.Timeline.Where(e => e.Sequence > view.NoticedThrough && !e.Internal).OrderBy(e => e.Sequence).ToList();
        if (pending.Count == 0) return;
        var told = view.NoticedThrough;
        if (submission.CitizenEmail.Length > 0)
        {
            var communeName = (await directory.CommuneNames()).GetValueOrDefault(submission.CommuneCode, submission.CommuneCode);
            var definition = await definitions.Of(submission);
            foreach (var entry in pending)
            {
                var mail = entry.Kind == TimelineKind.Submitted
                    ? await AcknowledgementAsync(view, definition, communeName)
                    : entry.Notice == MoveNotice.Email ? Notice(view, definition, entry, communeName) : null;
                if (mail is not null && !await SendAsync(view, mail, cancellationToken)) break;
                told = entry.Sequence;
            }
        }
        else
        {
            // Nobody to mail (a counter request without an address): nothing waits to be told.
            told = pending[^1].Sequence;
        }
        if (told > view.NoticedThrough) await grains.GetGrain<IDemarcheRequestGrain>(view.Reference).MarkNoticed(told);
    }

    private async Task<OutgoingMail> AcknowledgementAsync(RequestView view, DemarcheDefinition definition, string communeName)
    {
        var submission = view.Submission;
        var withAccount = submission.CitizenAccountId.Length > 0;
        var follow = withAccount
            ? $"""
              Le récépissé de votre demande est joint à ce courriel (PDF). Suivez-la, échangez avec la mairie et retrouvez ses documents ici :

              {Link(view)}
              """
            : "Le récépissé de votre demande vous a été remis au guichet. Indiquez la référence si vous contactez la mairie.";
        var body = $"""
            Bonjour {submission.CitizenName},

            La mairie {DossierChangeMails.Of(communeName)} a bien reçu votre demande « {submission.Title} », déposée {DemarcheWire.ChannelWords(submission.Channel)} le {FrenchText.DayAndTime(submission.SubmittedAt)}.

            Référence : {submission.Reference}
            Délai de traitement annoncé : {definition.ProcessingDays} jours

            {follow}

            {Signature}
            """;
        IReadOnlyList<MailAttachment>? attachments = withAccount
            ? [new MailAttachment(RequestFiles.AcknowledgementFileName(submission.Reference), "application/pdf", await files.AcknowledgementAsync(view, definition, communeName))]
            : null;
        return new OutgoingMail(submission.CitizenEmail, $"Demande {submission.Reference} reçue : {submission.Title}", body, attachments);
    }

    private OutgoingMail Notice(RequestView view, DemarcheDefinition definition, TimelineRecord entry, string communeName)
    {
        var submission = view.Submission;
        var (subject, what) = entry.Kind switch
        {
            TimelineKind.AgentMessage => ($"Demande {submission.Reference} : un message de la mairie",
                $"Un agent de la mairie {DossierChangeMails.Of(communeName)} vous a écrit au sujet de votre demande « {submission.Title} » :\n\n{entry.Text}"),
            TimelineKind.DocumentGenerated => ($"Demande {submission.Reference} : un document est disponible",
                $"La mairie {DossierChangeMails.Of(communeName)} a produit un document pour votre demande « {submission.Title} » : {entry.Text}\n\nVous pouvez le télécharger depuis le suivi de votre demande."),
            _ => ($"Demande {submission.Reference} : {StateWords(definition, entry)}",
                $"Votre demande « {submission.Title} » auprès de la mairie {DossierChangeMails.Of(communeName)} a avancé :\n\n{MoveText(view, definition, entry)}"),
        };
        var action = entry.Kind == TimelineKind.Moved && IsComplementAsked(definition, entry)
            ? "\n\nRépondez depuis le suivi de votre demande, en joignant les documents demandés."
            : "";
        return new OutgoingMail(submission.CitizenEmail, subject, $"""
            Bonjour {submission.CitizenName},

            {what}{action}

            Référence : {submission.Reference}
            Suivre votre demande : {Link(view)}

            {Signature}
            """);
    }

    private string Link(RequestView view) => links.To($"Demarches/Suivi/{Uri.EscapeDataString(view.Reference)}").ToString();

    /// <summary>
    /// The move's notice text of the definition, its reference, title and reason filled in; never an
    /// answer of the form, which a mail does not carry. Without a notice text, the timeline's sentence.
    /// </summary>
    private static string MoveText(RequestView view, DemarcheDefinition definition, TimelineRecord entry)
    {
        if (entry.MoveId is not { } moveId || definition.Workflow.Move(moveId) is not { NoticeText.Length: > 0 } move) return entry.Text;
        var prefix = $"{move.Label} : ";
        var reason = entry.Text.StartsWith(prefix, StringComparison.Ordinal) ? entry.Text[prefix.Length..] : view.DecisionReason;
        return TemplateText.Fill(move.NoticeText, new Dictionary<string, string>
        {
            ["reference"] = view.Reference,
            ["titre"] = view.Submission.Title,
            ["motif"] = reason,
        });
    }

    private static string StateWords(DemarcheDefinition definition, TimelineRecord entry) =>
        entry.StateId is { } id && definition.Workflow.State(id) is { } state ? state.Label.ToLowerInvariant() : "du nouveau";

    private static bool IsComplementAsked(DemarcheDefinition definition, TimelineRecord entry) =>
        entry.StateId is { } id && definition.Workflow.State(id)?.Kind == StateKind.AwaitingCitizen;

    private async Task<bool> SendAsync(RequestView view, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(mail, cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Courriel « {Subject} » de la demande {Reference} non envoyé : il partira au prochain appel sur la demande.", mail.Subject, view.Reference);
            return false;
        }
    }
}
