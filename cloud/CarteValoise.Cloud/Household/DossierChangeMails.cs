using CarteValoise.Cloud.Mail;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.Household;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// The mails of a change request, in French, to the citizen who submitted it: the acknowledgement
/// with its reference, then the decision. Each goes out once (the request keeps that it went); a mail
/// that cannot be sent now is logged and goes with the next call on the request, the request itself
/// being recorded already.
/// </summary>
public sealed class DossierChangeMails(IMailSender sender, PortalLinks links, IGrainFactory grains, ILogger<DossierChangeMails> logger)
{
    private const string Signature = "L'équipe CarteValoise\nLe guichet en ligne des communes du Val-d'Oise";

    public async Task AcknowledgeAsync(DossierChangeView view, string communeName, CancellationToken cancellationToken)
    {
        if (view.AcknowledgementMailed) return;
        var submission = view.Submission;
        var documents = submission.Documents.Count == 0
            ? "aucune"
            : string.Join("\n", submission.Documents.Select(d => $"- {d.TypeLabel} : {d.FileName}"));
        await SendAsync(view, DossierMail.Acknowledgement, new OutgoingMail(submission.SubmitterEmail,
            $"Demande {submission.Reference} reçue : {submission.Kind.Label().ToLowerInvariant()}", $"""
            Bonjour {submission.SubmitterName},

            La mairie {Of(communeName)} a bien reçu votre demande {submission.Reference}, déposée le {FrenchText.DayAndTime(submission.SubmittedAt)}.

            {DossierChangeText.Line(submission)}

            Pièces justificatives jointes :
            {documents}

            Votre dossier ne change pas tant qu'un agent de la mairie n'a pas accepté la demande. Vous recevrez un courriel à sa décision ; vous pouvez aussi la suivre ici :

            {links.To("Dossier/Demandes")}

            Indiquez la référence {submission.Reference} si vous contactez la mairie.

            {Signature}
            """), cancellationToken);
    }

    public async Task DecisionAsync(DossierChangeView view, string communeName, CancellationToken cancellationToken)
    {
        if (view.DecisionMailed || view.Decision is not { } decision) return;
        var submission = view.Submission;
        var (subject, body) = decision.Accepted
            ? ($"Demande {submission.Reference} acceptée", $"""
                La mairie {Of(communeName)} a accepté le {FrenchText.DayAndTime(decision.At)} votre demande {submission.Reference} ({submission.Kind.Label().ToLowerInvariant()}) :

                {DossierChangeText.Line(submission)}

                Votre dossier famille est à jour : cette information sera reprise dans vos prochaines démarches.
                """)
            : ($"Demande {submission.Reference} refusée", $"""
                La mairie {Of(communeName)} a refusé le {FrenchText.DayAndTime(decision.At)} votre demande {submission.Reference} ({submission.Kind.Label().ToLowerInvariant()}), pour le motif suivant :

                {decision.RefusalReason}

                Votre dossier famille n'a pas changé. Vous pouvez déposer une nouvelle demande en tenant compte de ce motif.
                """);
        await SendAsync(view, DossierMail.Decision, new OutgoingMail(submission.SubmitterEmail, subject, $"""
            Bonjour {submission.SubmitterName},

            {body}

            Vos demandes : {links.To("Dossier/Demandes")}

            {Signature}
            """), cancellationToken);
    }

    /// <summary>«de Cergy», «d'Argenteuil».</summary>
    public static string Of(string communeName) =>
        communeName.Length > 0 && "AEIOUYÂÉÈÊÎÔÛaeiouyâéèêîôû".Contains(communeName[0]) ? $"d'{communeName}" : $"de {communeName}";

    private async Task SendAsync(DossierChangeView view, DossierMail which, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Courriel « {Subject} » de la demande {Reference} non envoyé : il partira au prochain appel sur la demande.", mail.Subject, view.Reference);
            return;
        }
        await grains.GetGrain<IDossierChangeGrain>(view.Reference).MarkMailed(which);
    }
}
