using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Families;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CarteValoise.Cloud.Documents;

/// <summary>
/// A family's monthly invoice as a PDF: the commune and the invoice's number, month, dates; the
/// amount due and how to pay it (PayFiP or the town hall), always on the first page; the family's
/// name and address where a window envelope shows it; one line per child, day and service with
/// its unit price, quantity and amount; the total. Lines run over as many pages as they need, the table's heading repeated, each page
/// numbered. The PDF's dates are the invoice's, never the clock's: rendering twice gives the
/// same text. An issued invoice already (partly) paid lists its payments and what remains due, and
/// once paid in full reads «acquittée» instead of asking for money.
/// </summary>
public static class InvoicePdf
{
    private sealed record Column(string Title, double Width, XStringAlignment Alignment);

    private static readonly Column[] Columns =
    [
        new("Date", 58, XStringAlignment.Near),
        new("Enfant", 72, XStringAlignment.Near),
        new("Prestation", 198, XStringAlignment.Near),
        new("Prix unitaire", 72, XStringAlignment.Far),
        new("Qté", 30, XStringAlignment.Far),
        new("Montant", 65, XStringAlignment.Far),
    ];

    private const double CellPadding = 4;

    /// <summary>An invoice as the month close issued it, with the payments received since.</summary>
    public static byte[] Render(IssuedInvoice issued, InvoiceHeader header)
    {
        var lines = issued.Lines.Select(l => new InvoiceLine(l.Date, l.ChildId, l.ChildName, l.Service, l.Description, l.UnitPriceCents, l.Quantity)).ToList();
        return Render(new MonthlyInvoice(issued.FamilyId, BillingMonth.Of(issued.MonthStart), lines), InvoiceNumber.Parse(issued.Number), header, issued.Payments);
    }

    public static byte[] Render(MonthlyInvoice invoice, InvoiceNumber number, InvoiceHeader header) => Render(invoice, number, header, []);

    private static byte[] Render(MonthlyInvoice invoice, InvoiceNumber number, InvoiceHeader header, IReadOnlyList<InvoicePaymentRecord> payments)
    {
        Check(invoice, number, header);
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Facture n° {number}";
        document.Info.Subject = $"Restauration scolaire et accueils périscolaires, {invoice.Month.Label}";
        document.Info.Author = header.CommuneName;
        document.Info.Creator = "CarteValoise";
        document.Info.CreationDate = header.IssuedOn.ToDateTime(TimeOnly.MinValue);
        document.Info.ModificationDate = header.IssuedOn.ToDateTime(TimeOnly.MinValue);

        using (var canvas = new InvoiceCanvas(document))
        {
            Heading(canvas, invoice, number, header, payments);
            Lines(canvas, invoice, number);
            Total(canvas, invoice, number);
            Payments(canvas, invoice, number, payments);
        }
        Footers(document, number);

        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    private static void Check(MonthlyInvoice invoice, InvoiceNumber number, InvoiceHeader header)
    {
        if (invoice.IsEmpty)
            throw new ArgumentException($"La famille {invoice.FamilyId} n'a rien à payer pour {invoice.Month.Label} : aucune facture n'est émise.");
        if (number.Month != invoice.Month)
            throw new ArgumentException($"La facture n° {number} porte sur le mois {number.Month} mais ses lignes sont de {invoice.Month.Label}.");
        if (header.DueOn < header.IssuedOn)
            throw new ArgumentException($"L'échéance ({InvoiceText.Date(header.DueOn)}) précède l'émission de la facture ({InvoiceText.Date(header.IssuedOn)}).");
    }

    private static void Heading(InvoiceCanvas canvas, MonthlyInvoice invoice, InvoiceNumber number, InvoiceHeader header, IReadOnlyList<InvoicePaymentRecord> payments)
    {
        const double column = 250;
        var y = canvas.Y;
        y += canvas.Text(header.CommuneName, canvas.Title, InvoiceCanvas.Left, y, column);
        foreach (var line in header.CommuneAddress) y += canvas.Text(line, canvas.Body, InvoiceCanvas.Left, y, column);
        canvas.Text(header.CommuneContact, canvas.Small, InvoiceCanvas.Left, y + 2, column);

        const double right = InvoiceCanvas.Right - column;
        var r = canvas.Y;
        r += canvas.Text($"Facture n° {number}", canvas.Heading, right, r, column, XStringAlignment.Far) + 2;
        r += canvas.Text("Restauration scolaire et accueils périscolaires", canvas.Body, right, r, column, XStringAlignment.Far);
        r += canvas.Text($"Période : {invoice.Month.Label}", canvas.Bold, right, r, column, XStringAlignment.Far);
        r += canvas.Text($"Émise le {InvoiceText.Date(header.IssuedOn)}", canvas.Body, right, r, column, XStringAlignment.Far) + 4;
        var due = invoice.TotalCents - payments.Sum(p => p.AmountCents);
        if (due > 0)
        {
            r += canvas.Text($"Montant à payer : {FrenchText.Euros(due)}", canvas.Heading, right, r, column, XStringAlignment.Far) + 1;
            r += canvas.Text($"avant le {InvoiceText.Date(header.DueOn)}", canvas.Bold, right, r, column, XStringAlignment.Far);
        }
        else
        {
            r += canvas.Text($"Facture acquittée le {InvoiceText.Date(ServiceDay.Of(payments.Max(p => p.At)))}", canvas.Heading, right, r, column, XStringAlignment.Far) + 1;
        }
        canvas.Text($"Référence de paiement PayFiP : {header.PayFipReference}", canvas.Body, right, r, column, XStringAlignment.Far);

        var left = Payment(canvas, header, y + 30, column);

        // Where the window of a French DL envelope shows the address (110 mm from the left, 60 mm from the top).
        var a = 170.0;
        a += canvas.Text(header.FamilyName, canvas.Bold, 315, a, 230);
        foreach (var line in header.FamilyAddress) a += canvas.Text(line, canvas.Body, 315, a, 230);
        canvas.Y = Math.Max(Math.Max(a, left), 225) + 18;
        canvas.Y += canvas.Text($"Détail des repas et accueils de {invoice.Month.Label}", canvas.Heading, InvoiceCanvas.Left, canvas.Y, InvoiceCanvas.Width) + 6;
    }

    /// <summary>How to pay, on the first page beside the address whatever the length of the invoice; returns where it ends.</summary>
    private static double Payment(InvoiceCanvas canvas, InvoiceHeader header, double y, double width)
    {
        string[] ways =
        [
            $"En ligne sur www.payfip.gouv.fr, par carte bancaire ou prélèvement unique, avec la référence {header.PayFipReference}.",
            "À la mairie, par chèque à l'ordre du Trésor public ou en espèces, en présentant cette facture.",
        ];
        const double indent = 9;
        y += canvas.Text("Comment payer", canvas.Bold, InvoiceCanvas.Left, y, width) + 2;
        foreach (var way in ways)
        {
            canvas.Text("•", canvas.Note, InvoiceCanvas.Left, y, indent);
            y += canvas.Text(way, canvas.Note, InvoiceCanvas.Left + indent, y, width - indent) + 2;
        }
        return y;
    }

    private static void Lines(InvoiceCanvas canvas, MonthlyInvoice invoice, InvoiceNumber number)
    {
        TableHeading(canvas);
        for (var index = 0; index < invoice.Lines.Count; index++)
        {
            var line = invoice.Lines[index];
            string[] cells =
            [
                InvoiceText.LineDate(line.Date),
                line.ChildName,
                InvoiceText.Service(line),
                FrenchText.Euros(line.UnitPriceCents),
                line.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FrenchText.Euros(line.AmountCents),
            ];
            var height = cells.Select((text, i) => canvas.Height(text, canvas.Body, Columns[i].Width - 2 * CellPadding)).Max() + 3;
            // The last line goes over with the total rather than leave it alone on a page.
            if (!canvas.Fits(height + (index == invoice.Lines.Count - 1 ? TotalHeight : 0)))
            {
                Continue(canvas, number);
                TableHeading(canvas);
            }
            Row(canvas, cells, canvas.Body, canvas.Y + 1.5);
            canvas.Y += height;
            canvas.Line(canvas.Y, thickness: 0.25);
        }
    }

    private static void Continue(InvoiceCanvas canvas, InvoiceNumber number)
    {
        canvas.NewPage();
        canvas.Y += canvas.Text($"Facture n° {number} (suite)", canvas.Heading, InvoiceCanvas.Left, canvas.Y, InvoiceCanvas.Width) + 8;
    }

    private static void TableHeading(InvoiceCanvas canvas)
    {
        const double height = 18;
        canvas.Band(canvas.Y, height);
        Row(canvas, [.. Columns.Select(c => c.Title)], canvas.Bold, canvas.Y + 4);
        canvas.Y += height;
    }

    private static void Row(InvoiceCanvas canvas, string[] cells, XFont font, double y)
    {
        var x = InvoiceCanvas.Left;
        for (var i = 0; i < Columns.Length; i++)
        {
            canvas.Text(cells[i], font, x + CellPadding, y, Columns[i].Width - 2 * CellPadding, Columns[i].Alignment);
            x += Columns[i].Width;
        }
    }

    private const double TotalHeight = 26;

    private static void Total(InvoiceCanvas canvas, MonthlyInvoice invoice, InvoiceNumber number)
    {
        if (!canvas.Fits(TotalHeight)) Continue(canvas, number);
        canvas.Y += 6;
        canvas.Band(canvas.Y, 20);
        canvas.Text("Total à payer", canvas.Heading, InvoiceCanvas.Left + CellPadding, canvas.Y + 3, 300);
        canvas.Text(FrenchText.Euros(invoice.TotalCents), canvas.Heading, InvoiceCanvas.Right - 200 - CellPadding, canvas.Y + 3, 200, XStringAlignment.Far);
        canvas.Y += TotalHeight;
    }

    /// <summary>The payments received, each with its date and means, and what remains due.</summary>
    private static void Payments(InvoiceCanvas canvas, MonthlyInvoice invoice, InvoiceNumber number, IReadOnlyList<InvoicePaymentRecord> payments)
    {
        if (payments.Count == 0) return;
        var rowHeight = InvoiceCanvas.LineHeight(canvas.Body) + 3;
        foreach (var payment in payments.OrderBy(p => p.At))
        {
            if (!canvas.Fits(rowHeight)) Continue(canvas, number);
            canvas.Text($"Paiement reçu le {InvoiceText.Date(ServiceDay.Of(payment.At))} ({payment.Means})", canvas.Body, InvoiceCanvas.Left + CellPadding, canvas.Y, 300);
            canvas.Text($"-{FrenchText.Euros(payment.AmountCents)}", canvas.Body, InvoiceCanvas.Right - 200 - CellPadding, canvas.Y, 200, XStringAlignment.Far);
            canvas.Y += rowHeight;
        }
        if (!canvas.Fits(TotalHeight)) Continue(canvas, number);
        canvas.Y += 4;
        canvas.Band(canvas.Y, 20);
        canvas.Text("Reste à payer", canvas.Heading, InvoiceCanvas.Left + CellPadding, canvas.Y + 3, 300);
        canvas.Text(FrenchText.Euros(invoice.TotalCents - payments.Sum(p => p.AmountCents)), canvas.Heading, InvoiceCanvas.Right - 200 - CellPadding, canvas.Y + 3, 200, XStringAlignment.Far);
        canvas.Y += TotalHeight;
    }

    private static void Footers(PdfDocument document, InvoiceNumber number)
    {
        var font = new XFont(DejaVuFontResolver.Family, 7.5);
        for (var i = 0; i < document.PageCount; i++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var format = new XStringFormat { Alignment = XStringAlignment.Center, LineAlignment = XLineAlignment.Near };
            graphics.DrawString($"Facture n° {number} · page {i + 1} sur {document.PageCount}", font, XBrushes.Gray,
                new XRect(InvoiceCanvas.Left, 800, InvoiceCanvas.Width, 12), format);
        }
    }
}
