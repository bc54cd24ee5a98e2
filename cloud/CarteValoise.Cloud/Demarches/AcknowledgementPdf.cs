using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The récépissé of a request: the commune, the démarche, the reference, when and how it was filed,
/// by whom, the answers as the citizen gave them, the pièces joined, and the processing delay
/// announced. Its dates are the request's, never the clock's: rendering twice gives the same text,
/// so it is rendered again at each download rather than stored.
/// </summary>
public static class AcknowledgementPdf
{
    public sealed record Content(
        string CommuneName,
        RequestSubmission Submission,
        IReadOnlyList<AnswerSection> Sections,
        IReadOnlyList<SubmittedDocument> Documents,
        int ProcessingDays);

    public static byte[] Render(Content content)
    {
        var submission = content.Submission;
        using var document = RequestPdfPages.Open($"Récépissé de la demande {submission.Reference}", submission.Title, content.CommuneName, submission.SubmittedAt);
        using (var canvas = new InvoiceCanvas(document))
        {
            RequestPdfPages.Heading(canvas, content.CommuneName, "Récépissé de dépôt d'une demande", $"Demande n° {submission.Reference}");
            RequestPdfPages.Row(canvas, "Démarche", submission.Title);
            RequestPdfPages.Row(canvas, "Référence", submission.Reference);
            RequestPdfPages.Row(canvas, "Déposée le", FrenchText.DayAndTime(submission.SubmittedAt));
            RequestPdfPages.Row(canvas, "Canal", Channel(submission));
            RequestPdfPages.Row(canvas, "Demandeur", submission.CitizenName);
            if (submission.CitizenEmail.Length > 0) RequestPdfPages.Row(canvas, "Adresse électronique", submission.CitizenEmail);

            foreach (var section in content.Sections)
            {
                RequestPdfPages.Subheading(canvas, section.PageTitle);
                foreach (var row in section.Rows) RequestPdfPages.Row(canvas, row.Label, row.Value);
            }

            RequestPdfPages.Subheading(canvas, "Pièces jointes");
            if (content.Documents.Count == 0) RequestPdfPages.Paragraph(canvas, "Aucune pièce jointe.", canvas.Body);
            foreach (var piece in content.Documents)
                RequestPdfPages.Row(canvas, DemarcheWire.DocumentTypeLabel(piece.TypeCode), piece.FileName);

            canvas.Y += 12;
            RequestPdfPages.Paragraph(canvas, $"Délai de traitement annoncé : {content.ProcessingDays} jours", canvas.Heading);
            canvas.Y += 6;
            RequestPdfPages.Paragraph(canvas,
                $"Ce récépissé atteste que la mairie {OnlinePayment.CommuneWords.Of(content.CommuneName)} a reçu cette demande. Il ne vaut pas décision : "
                + "vous serez informé de chaque étape de son traitement. Indiquez la référence de la demande si vous contactez la mairie.",
                canvas.Note);
        }
        return RequestPdfPages.Close(document, $"Demande n° {submission.Reference}");
    }

    /// <summary>«en ligne», «à une borne», «au guichet, saisie par Agent de Cergy».</summary>
    private static string Channel(RequestSubmission submission)
    {
        var words = DemarcheWire.ChannelWords(submission.Channel);
        var channel = char.ToUpperInvariant(words[0]) + words[1..];
        return submission.Channel == RequestChannel.Counter && submission.EnteredByAgentName.Length > 0
            ? $"{channel}, saisie par {submission.EnteredByAgentName}"
            : channel;
    }
}
