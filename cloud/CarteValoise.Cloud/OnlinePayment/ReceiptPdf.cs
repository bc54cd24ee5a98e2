using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Payments;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// The receipt of a paid online payment, on one A4 page written with the invoices' canvas and fonts:
/// the commune that received the money, the family and the payer, the amount, when and how it was
/// paid, what it paid, and the references that let the régie find it in PayFiP's reports. Its dates
/// are the payment's, never the clock's: rendering twice gives the same text.
/// </summary>
public static class ReceiptPdf
{
    public static string FileName(OnlinePaymentRecord payment) => $"recu-paiement-{payment.Request.Refdet}-{payment.IdOp[..Math.Min(8, payment.IdOp.Length)]}.pdf";

    public static byte[] Render(OnlinePaymentRecord payment, string communeName)
    {
        if (payment.State != Domain.Payments.OnlinePaymentState.Paid)
            throw new ArgumentException($"Le paiement {payment.IdOp} n'a pas abouti : il n'a pas de reçu.");
        var request = payment.Request;
        var paidAt = payment.PaidAt ?? payment.UpdatedAt;
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Reçu de paiement en ligne {request.Refdet}";
        document.Info.Subject = request.Purpose;
        document.Info.Author = communeName;
        document.Info.Creator = "CarteValoise";
        document.Info.CreationDate = ServiceDay.ToParisTime(paidAt).DateTime;
        document.Info.ModificationDate = ServiceDay.ToParisTime(paidAt).DateTime;

        using (var canvas = new InvoiceCanvas(document))
        {
            const double half = 250;
            var top = canvas.Y;
            var left = top + canvas.Text(communeName, canvas.Title, InvoiceCanvas.Left, top, half);
            canvas.Text($"Mairie {CommuneWords.Of(communeName)} · service scolaire", canvas.Small, InvoiceCanvas.Left, left + 2, half);
            var right = top + canvas.Text("Reçu de paiement en ligne", canvas.Heading, InvoiceCanvas.Right - half, top, half, XStringAlignment.Far) + 2;
            canvas.Text($"Payé le {FrenchText.DayAndTime(paidAt)}", canvas.Body, InvoiceCanvas.Right - half, right, half, XStringAlignment.Far);

            canvas.Y = top + 70;
            canvas.Band(canvas.Y, 26);
            canvas.Text("Montant reçu", canvas.Heading, InvoiceCanvas.Left + 6, canvas.Y + 6, half);
            canvas.Text(FrenchText.Euros(request.AmountCents), canvas.Title, InvoiceCanvas.Right - half - 6, canvas.Y + 4, half, XStringAlignment.Far);
            canvas.Y += 40;

            (string Label, string Value)[] rows =
            [
                ("Objet", request.Purpose),
                ("Famille", $"{request.FamilyName} ({request.FamilyId})"),
                ("Payé par", request.PayerName),
                ("Reçu envoyé à", request.Mel),
                ("Moyen de paiement", $"{payment.Means}, en ligne sur PayFiP"),
                ("Porté au compte de la famille", payment.CreditedAs),
                ("Référence du paiement", request.Refdet),
                ("Identifiant de l'opération PayFiP", payment.IdOp),
                ("Numéro d'autorisation", payment.AuthorisationNumber.Length > 0 ? payment.AuthorisationNumber : "—"),
                ("Régie (numéro client PayFiP)", $"{request.Numcli}, exercice {request.Exer}"),
            ];
            const double labelWidth = 170;
            foreach (var (label, value) in rows)
            {
                var height = Math.Max(canvas.Height(label, canvas.Bold, labelWidth), canvas.Height(value, canvas.Body, InvoiceCanvas.Width - labelWidth - 10));
                canvas.Text(label, canvas.Bold, InvoiceCanvas.Left, canvas.Y, labelWidth);
                canvas.Text(value, canvas.Body, InvoiceCanvas.Left + labelWidth + 10, canvas.Y, InvoiceCanvas.Width - labelWidth - 10);
                canvas.Y += height + 4;
                canvas.Line(canvas.Y - 2, thickness: 0.25);
            }

            canvas.Y += 14;
            canvas.Text(
                $"Ce reçu atteste que la régie de la commune {CommuneWords.Of(communeName)} a reçu ce paiement par PayFiP, le service de paiement en ligne de la "
                + "Direction générale des Finances publiques. Conservez-le : il vaut justificatif de paiement.",
                canvas.Note, InvoiceCanvas.Left, canvas.Y, InvoiceCanvas.Width);
        }

        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }
}
