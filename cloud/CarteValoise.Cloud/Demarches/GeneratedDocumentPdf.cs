using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// A document the commune produces from one of its templates (a copie d'acte, a decision): the
/// commune, the template's title, the request's reference, the template's text filled with the
/// request's values, and where, when and by whom it was made. Its dates are the generation's, never
/// the clock's, so rendering it again gives the same document.
/// </summary>
public static class GeneratedDocumentPdf
{
    public sealed record Content(string CommuneName, string Title, string Reference, string Body, DateTimeOffset GeneratedAt, string GeneratedBy);

    public static byte[] Render(Content content)
    {
        using var document = RequestPdfPages.Open(content.Title, $"Demande {content.Reference}", content.CommuneName, content.GeneratedAt);
        using (var canvas = new InvoiceCanvas(document))
        {
            RequestPdfPages.Heading(canvas, content.CommuneName, content.Title, $"Demande n° {content.Reference}");
            RequestPdfPages.Paragraph(canvas, content.Body.Replace("\r\n", "\n"), canvas.Body);
            canvas.Y += 18;
            RequestPdfPages.Paragraph(canvas, $"Fait à {content.CommuneName}, le {FrenchText.Day(ServiceDay.Of(content.GeneratedAt))}", canvas.Body);
            RequestPdfPages.Paragraph(canvas, $"Pour le maire, {content.GeneratedBy}", canvas.Bold);
        }
        return RequestPdfPages.Close(document, $"{content.Title} · demande n° {content.Reference}");
    }
}
