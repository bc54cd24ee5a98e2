using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Calendar;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The pieces the démarches' PDFs share, on the invoices' canvas and fonts: the commune's heading,
/// a table of label and value rows that runs over pages, paragraphs, and a footer with the
/// reference on each page.
/// </summary>
internal static class RequestPdfPages
{
    public const double LabelWidth = 170;

    public static PdfDocument Open(string title, string subject, string communeName, DateTimeOffset at)
    {
        DejaVuFontResolver.EnsureInstalled();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Subject = subject;
        document.Info.Author = communeName;
        document.Info.Creator = "CarteValoise";
        document.Info.CreationDate = ServiceDay.ToParisTime(at).DateTime;
        document.Info.ModificationDate = ServiceDay.ToParisTime(at).DateTime;
        return document;
    }

    /// <summary>The commune on the left, what the document is on the right.</summary>
    public static void Heading(InvoiceCanvas canvas, string communeName, string title, string under)
    {
        const double half = 250;
        var top = canvas.Y;
        var left = top + canvas.Text(communeName, canvas.Title, InvoiceCanvas.Left, top, half);
        left += canvas.Text($"Mairie {OnlinePayment.CommuneWords.Of(communeName)}", canvas.Small, InvoiceCanvas.Left, left + 2, half) + 2;
        var right = top + canvas.Text(title, canvas.Heading, InvoiceCanvas.Right - half, top, half, XStringAlignment.Far) + 2;
        right += canvas.Text(under, canvas.Body, InvoiceCanvas.Right - half, right, half, XStringAlignment.Far);
        canvas.Y = Math.Max(left, right) + 24;
    }

    public static void Subheading(InvoiceCanvas canvas, string text)
    {
        var height = canvas.Height(text, canvas.Heading, InvoiceCanvas.Width) + 6;
        // A heading never ends a page alone: it goes over with its first row.
        if (!canvas.Fits(height + 30)) canvas.NewPage();
        canvas.Y += 6;
        canvas.Y += canvas.Text(text, canvas.Heading, InvoiceCanvas.Left, canvas.Y, InvoiceCanvas.Width) + 4;
    }

    public static void Row(InvoiceCanvas canvas, string label, string value)
    {
        const double gap = 10;
        var valueWidth = InvoiceCanvas.Width - LabelWidth - gap;
        var height = Math.Max(canvas.Height(label, canvas.Bold, LabelWidth), canvas.Height(value, canvas.Body, valueWidth));
        if (!canvas.Fits(height + 4)) canvas.NewPage();
        canvas.Text(label, canvas.Bold, InvoiceCanvas.Left, canvas.Y, LabelWidth);
        canvas.Text(value, canvas.Body, InvoiceCanvas.Left + LabelWidth + gap, canvas.Y, valueWidth);
        canvas.Y += height + 4;
        canvas.Line(canvas.Y - 2, thickness: 0.25);
    }

    /// <summary>Text over the whole width, a page break between lines when it runs long.</summary>
    public static void Paragraph(InvoiceCanvas canvas, string text, XFont font)
    {
        foreach (var line in canvas.Wrap(text, font, InvoiceCanvas.Width))
        {
            var height = InvoiceCanvas.LineHeight(font);
            if (!canvas.Fits(height)) canvas.NewPage();
            if (line.Length > 0) canvas.Text(line, font, InvoiceCanvas.Left, canvas.Y, InvoiceCanvas.Width);
            canvas.Y += height;
        }
    }

    public static byte[] Close(PdfDocument document, string footer)
    {
        var font = new XFont(DejaVuFontResolver.Family, 7.5);
        for (var i = 0; i < document.PageCount; i++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var format = new XStringFormat { Alignment = XStringAlignment.Center, LineAlignment = XLineAlignment.Near };
            graphics.DrawString($"{footer} · page {i + 1} sur {document.PageCount}", font, XBrushes.Gray,
                new XRect(InvoiceCanvas.Left, 800, InvoiceCanvas.Width, 12), format);
        }
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }
}
